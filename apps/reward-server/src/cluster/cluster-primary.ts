import cluster, { type Worker } from "node:cluster";
import { emptySnapshot, type MetricsSnapshot, mergeSnapshots } from "../metrics/metrics-snapshot.js";
import { isWorkerMessage, type PrimaryMessage, type WorkerMessage } from "./cluster-messages.js";
import { createRestartBudget, type RestartBudget } from "./restart-budget.js";

/** How long the primary waits for one worker's counts before using the last it sent. */
const SNAPSHOT_TIMEOUT_MS = 2_000;

/** Options of {@link startClusterPrimary}. */
export interface ClusterPrimaryOptions {
  /** Worker processes to run (at least 2; one process needs no primary). */
  workers: number;
  /** The command-line flags each worker starts with (it binds the same host and port). */
  args: readonly string[];
  /** The script each worker runs (default: this process's, `process.argv[1]`). */
  exec?: string;
  /** Node flags of each worker (default: this process's, `process.execArgv`). */
  execArgv?: readonly string[];
  /** Where the primary's lines go: crashed workers, restarts, failures. */
  stderr: { write(text: string): unknown };
  /** Whether a crashed worker is started again (default: up to 5 crashes a minute). */
  restartBudget?: RestartBudget;
}

/** A running cluster: every worker listens on `url`. */
export interface ClusterPrimary {
  /** `http://host:port`, shared by every worker. */
  url: string;
  /** Process ids of the workers now running. */
  workerPids(): number[];
  /** Ask every worker to stop accepting and finish its in-flight requests; resolves once all exited. */
  close(): Promise<void>;
  /** Kill every worker at once (SIGKILL), in-flight requests lost. */
  kill(): void;
  /** The exit code once every worker has gone: 0 after a clean `close()`, else 1. */
  stopped: Promise<number>;
}

interface WorkerState {
  worker: Worker;
  listening: boolean;
  /** The last counts the worker sent. */
  last: MetricsSnapshot;
  waiting: Map<number, (snapshot: MetricsSnapshot) => void>;
}

const describeExit = (code: number | null, signal: string | null) =>
  signal ? `was killed by ${signal}` : `exited with code ${code}`;

/**
 * Fork `workers` copies of the server (node:cluster: they share one listening socket, and the primary
 * hands each new connection to the next worker in turn), wait until every one listens, and supervise
 * them: a worker that dies is replaced (one stderr line each) unless crashes come faster than the
 * restart budget allows, which stops the server with exit code 1. `GET /metrics` in any worker shows
 * the counts summed over every worker, collected here over IPC (a worker that has gone keeps
 * contributing its last counts, so the totals never go down). Resolves to an exit code when a
 * worker cannot start (its error line printed once).
 */
export async function startClusterPrimary(options: ClusterPrimaryOptions): Promise<ClusterPrimary | number> {
  const budget = options.restartBudget ?? createRestartBudget();
  cluster.setupPrimary({
    exec: options.exec ?? process.argv[1],
    args: [...options.args],
    execArgv: [...(options.execArgv ?? process.execArgv)],
  });
  const live = new Map<number, WorkerState>();
  let retired = emptySnapshot();
  let nextSnapshotId = 1;
  // starting → serving → closing; `abandoned` when a worker could not start.
  let phase: "starting" | "serving" | "closing" | "abandoned" = "starting";
  let closing: Promise<void> | undefined;
  let failed = false;
  let resolveStopped!: (code: number) => void;
  const stopped = new Promise<number>((resolve) => {
    resolveStopped = resolve;
  });
  let startup!: {
    resolve: (url: string) => void;
    reject: (failure: { line?: string; code: number }) => void;
  };
  const started = new Promise<string>((resolve, reject) => {
    startup = { resolve, reject };
  });
  started.catch(() => {}); // handled below; a failure after startup must not be unhandled
  let url: string | undefined;
  const line = (text: string) => options.stderr.write(`${text}\n`);
  // A worker that is going away may close its channel mid-send: the callback takes that error (without it
  // the worker object would emit an unhandled "error" and take the primary down); its exit is handled below.
  const send = (state: WorkerState, message: PrimaryMessage) => {
    if (state.worker.isConnected()) state.worker.send(message, undefined, () => {});
  };

  const snapshotOf = (state: WorkerState): Promise<MetricsSnapshot> => {
    if (!state.listening || !state.worker.isConnected()) return Promise.resolve(state.last);
    return new Promise((resolve) => {
      const id = nextSnapshotId++;
      const timer = setTimeout(() => finish(state.last), SNAPSHOT_TIMEOUT_MS);
      const finish = (snapshot: MetricsSnapshot) => {
        clearTimeout(timer);
        state.waiting.delete(id);
        resolve(snapshot);
      };
      state.waiting.set(id, finish);
      send(state, { sv: "snapshot-request", id });
    });
  };

  const answerMetrics = async (requester: WorkerState, id: number) => {
    const fresh = await Promise.all([...live.values()].map(snapshotOf));
    send(requester, { sv: "metrics", id, snapshot: mergeSnapshots([...fresh, retired]) });
  };

  const onMessage = (state: WorkerState, message: WorkerMessage) => {
    switch (message.sv) {
      case "listening":
        state.listening = true;
        url ??= message.url;
        if (phase === "starting" && [...live.values()].every((other) => other.listening)) {
          startup.resolve(url);
        }
        return;
      case "start-failed":
        if (phase === "starting") startup.reject({ line: message.line, code: message.exitCode });
        else if (phase === "serving") line(message.line);
        return;
      case "metrics-request":
        void answerMetrics(state, message.id);
        return;
      case "snapshot":
        state.last = message.snapshot;
        state.waiting.get(message.id)?.(message.snapshot);
        return;
    }
  };

  const fork = () => {
    const worker = cluster.fork();
    const state: WorkerState = { worker, listening: false, last: emptySnapshot(), waiting: new Map() };
    live.set(worker.id, state);
    worker.on("message", (message: unknown) => {
      if (isWorkerMessage(message)) onMessage(state, message);
    });
    worker.on("exit", (code: number | null, signal: string | null) => onExit(state, code, signal));
  };

  const stopAll = () => {
    for (const state of live.values()) send(state, { sv: "shutdown" });
  };

  const onExit = (state: WorkerState, code: number | null, signal: string | null) => {
    live.delete(state.worker.id);
    for (const finish of [...state.waiting.values()]) finish(state.last);
    retired = mergeSnapshots([retired, { ...state.last, inFlight: 0 }]);
    const name = `worker ${state.worker.id} (pid ${state.worker.process.pid})`;
    if (phase === "starting") {
      startup.reject({ line: `error: ${name} ${describeExit(code, signal)} before listening`, code: 1 });
    } else if (phase === "closing") {
      if (code !== 0) {
        failed = true;
        line(`error: ${name} ${describeExit(code, signal)} while finishing its requests`);
      }
    } else if (phase === "abandoned") {
      // stopping after a failed start: nothing to report per worker
    } else if (budget.allowRestart()) {
      line(`${name} ${describeExit(code, signal)}; starting a new worker`);
      fork();
    } else {
      failed = true;
      line(`error: ${name} ${describeExit(code, signal)}, and workers keep crashing; stopping the server`);
      void close();
    }
    if (live.size === 0 && phase !== "starting" && phase !== "serving") resolveStopped(failed ? 1 : 0);
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      phase = "closing";
      stopAll();
      if (live.size === 0) resolveStopped(failed ? 1 : 0);
      await stopped;
    })();
    return closing;
  };

  for (let index = 0; index < options.workers; index++) fork();
  try {
    url = await started;
  } catch (failure) {
    const { line: failureLine, code } = failure as { line?: string; code: number };
    phase = "abandoned";
    if (failureLine) line(failureLine);
    failed = true;
    for (const state of live.values()) state.worker.process.kill("SIGTERM");
    if (live.size > 0) await stopped;
    return code === 0 ? 1 : code;
  }
  phase = "serving";
  return {
    url,
    workerPids: () => [...live.values()].flatMap((state) => state.worker.process.pid ?? []),
    close,
    kill() {
      for (const state of live.values()) state.worker.process.kill("SIGKILL");
    },
    stopped,
  };
}
