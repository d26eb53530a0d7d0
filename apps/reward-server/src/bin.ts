#!/usr/bin/env node
import cluster from "node:cluster";
import { runServerCli } from "./cli.js";
import { createWorkerLink } from "./cluster/worker-link.js";
import { createShutdown } from "./shutdown-on-signal.js";

// A worker of `--workers N` talks to its primary over IPC; the primary and a single process print.
const workerLink = cluster.isWorker ? createWorkerLink() : undefined;
const started = await runServerCli(process.argv, {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  workerLink,
});
if (typeof started === "number") {
  // A worker's IPC channel would keep it alive: leave explicitly.
  if (workerLink) process.exit(started);
  process.exitCode = started;
} else {
  // SIGTERM/SIGINT: stop accepting, finish in-flight requests, exit 0. A second signal exits at once.
  const shutdown = createShutdown({
    server: started,
    stderr: process.stderr,
    exit: (code) => process.exit(code),
    quiet: workerLink !== undefined,
  });
  process.on("SIGTERM", shutdown.onSignal);
  process.on("SIGINT", shutdown.onSignal);
  workerLink?.onShutdown(shutdown.request);
}
