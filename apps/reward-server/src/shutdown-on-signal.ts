import type { StartedServer } from "./cli.js";

/** Options of {@link createShutdown}. */
export interface ShutdownOptions {
  server: StartedServer;
  stderr: { write(text: string): unknown };
  exit: (code: number) => void;
  /** A cluster worker: its primary announces the signal, so the worker stays quiet. */
  quiet?: boolean;
  /** Longest drain before giving up with exit code 1 (default 150 s; requests time out after 120 s). */
  drainTimeoutMs?: number;
}

/** How a server process stops. */
export interface Shutdown {
  /** SIGTERM/SIGINT: the first drains and exits 0; a second exits at once with code 1. */
  onSignal(signal: NodeJS.Signals): void;
  /** A request to stop that is not a signal (a cluster worker's primary asked): drains, never escalates. */
  request(): void;
}

/**
 * Stop accepting, finish in-flight requests, exit 0; a second signal exits at once (the primary of
 * `--workers N` kills its workers first). Only signals count towards the second: a worker hit by a
 * terminal's Ctrl-C gets the signal and its primary's request for one keypress.
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const { server, stderr, exit } = options;
  let stopping = false;
  let signalled = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      stderr.write(
        `error: in-flight requests did not finish within ${(options.drainTimeoutMs ?? 150_000) / 1000} s; exiting\n`,
      );
      exit(1);
    }, options.drainTimeoutMs ?? 150_000).unref();
    if ("stopped" in server) {
      // The primary: its workers drain; it exits with 0 only when every one of them did.
      void server.stopped.then(exit);
      void server.close();
      return;
    }
    server.close().then(
      () => exit(0),
      (error: unknown) => {
        stderr.write(`error: while closing: ${error instanceof Error ? error.message : String(error)}\n`);
        exit(1);
      },
    );
  };
  return {
    onSignal(signal) {
      if (signalled) {
        if ("kill" in server) server.kill();
        exit(1);
        return;
      }
      signalled = true;
      if (!options.quiet) {
        const workers = "workerPids" in server ? ` in ${server.workerPids().length} workers` : "";
        stderr.write(`${signal}: finishing in-flight requests${workers}\n`);
      }
      stop();
    },
    request: stop,
  };
}
