import type { MetricsSnapshot } from "../metrics/metrics-snapshot.js";

// The IPC messages between the primary of `pnpm serve --workers N` and its workers. Every message
// carries `sv` (its kind), so other messages on the channel (Node's own cluster traffic) are told apart.

/** Worker → primary: listening at `url`. */
export interface ListeningMessage {
  sv: "listening";
  url: string;
}

/** Worker → primary: could not start; `line` is the one error line to print (already redacted). */
export interface StartFailedMessage {
  sv: "start-failed";
  line: string;
  exitCode: number;
}

/** Worker → primary: a `GET /metrics` wants the counts summed over every worker. */
export interface MetricsRequestMessage {
  sv: "metrics-request";
  id: number;
}

/** Primary → worker: send your own counts (answered with {@link SnapshotMessage}). */
export interface SnapshotRequestMessage {
  sv: "snapshot-request";
  id: number;
}

/** Worker → primary: this worker's own counts. */
export interface SnapshotMessage {
  sv: "snapshot";
  id: number;
  snapshot: MetricsSnapshot;
}

/** Primary → worker: the counts summed over every worker, for the `GET /metrics` that asked. */
export interface MetricsMessage {
  sv: "metrics";
  id: number;
  snapshot: MetricsSnapshot;
}

/** Primary → worker: stop accepting, finish in-flight requests, exit 0. */
export interface ShutdownMessage {
  sv: "shutdown";
}

export type WorkerMessage = ListeningMessage | StartFailedMessage | MetricsRequestMessage | SnapshotMessage;
export type PrimaryMessage = SnapshotRequestMessage | MetricsMessage | ShutdownMessage;

const WORKER_KINDS = new Set(["listening", "start-failed", "metrics-request", "snapshot"]);
const PRIMARY_KINDS = new Set(["snapshot-request", "metrics", "shutdown"]);

const kindOf = (message: unknown): unknown =>
  message !== null && typeof message === "object" ? (message as { sv?: unknown }).sv : undefined;

/** True for a message a worker sends its primary. */
export function isWorkerMessage(message: unknown): message is WorkerMessage {
  return WORKER_KINDS.has(kindOf(message) as string);
}

/** True for a message the primary sends a worker. */
export function isPrimaryMessage(message: unknown): message is PrimaryMessage {
  return PRIMARY_KINDS.has(kindOf(message) as string);
}
