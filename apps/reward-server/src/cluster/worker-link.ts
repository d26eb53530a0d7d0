import type { MetricsSnapshot } from "../metrics/metrics-snapshot.js";
import type { ServerMetrics } from "../metrics/server-metrics.js";
import { isPrimaryMessage, type WorkerMessage } from "./cluster-messages.js";

/** How long a worker's `GET /metrics` waits for the primary's sum before it fails. */
const METRICS_TIMEOUT_MS = 10_000;

/** A cluster worker's side of the IPC channel to its primary. */
export interface WorkerLink {
  /** The counts of every worker, summed by the primary (this worker's included). */
  metricsSnapshot(): Promise<MetricsSnapshot>;
  /** Answer the primary's requests for this worker's own counts from now on. */
  answerSnapshots(metrics: ServerMetrics): void;
  /** Tell the primary this worker listens at `url`. */
  reportListening(url: string): void;
  /** Tell the primary this worker could not start; `line` is the error line it prints. */
  reportStartFailed(line: string, exitCode: number): void;
  /** Call `handler` when the primary asks this worker to stop (at once if it already has). */
  onShutdown(handler: () => void): void;
}

/** The process's IPC channel, as a cluster worker has it. */
export interface IpcChannel {
  send?(
    message: unknown,
    sendHandle: undefined,
    options: undefined,
    callback: (error: Error | null) => void,
  ): unknown;
  readonly connected?: boolean;
  on(event: "message", listener: (message: unknown) => void): unknown;
}

/** Connect to the primary over this process's IPC channel (`process` by default). */
export function createWorkerLink(channel: IpcChannel = process): WorkerLink {
  const send = (message: WorkerMessage) => {
    // With a callback, a channel closing meanwhile (the primary exiting) is not an unhandled "error".
    if (channel.connected && channel.send) channel.send(message, undefined, undefined, () => {});
  };
  const pending = new Map<number, { resolve: (snapshot: MetricsSnapshot) => void; timer: NodeJS.Timeout }>();
  let nextId = 1;
  let metrics: ServerMetrics | undefined;
  const shutdownHandlers: (() => void)[] = [];
  let shutdownRequested = false;
  channel.on("message", (message) => {
    if (!isPrimaryMessage(message)) return;
    if (message.sv === "snapshot-request") {
      if (metrics) send({ sv: "snapshot", id: message.id, snapshot: metrics.snapshot() });
    } else if (message.sv === "metrics") {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      clearTimeout(waiting.timer);
      waiting.resolve(message.snapshot);
    } else {
      shutdownRequested = true;
      for (const handler of shutdownHandlers.splice(0)) handler();
    }
  });
  return {
    metricsSnapshot() {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(
            new Error(`the primary did not send the workers' metrics within ${METRICS_TIMEOUT_MS / 1000} s`),
          );
        }, METRICS_TIMEOUT_MS);
        timer.unref();
        pending.set(id, { resolve, timer });
        send({ sv: "metrics-request", id });
      });
    },
    answerSnapshots(serverMetrics) {
      metrics = serverMetrics;
    },
    reportListening: (url) => send({ sv: "listening", url }),
    reportStartFailed: (line, exitCode) => send({ sv: "start-failed", line, exitCode }),
    onShutdown(handler) {
      // A request that came while the server was still starting is answered as soon as it has started.
      if (shutdownRequested) handler();
      else shutdownHandlers.push(handler);
    },
  };
}
