#!/usr/bin/env node
import { runServerCli } from "./cli.js";

const started = await runServerCli(process.argv, {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
if (typeof started === "number") {
  process.exitCode = started;
} else {
  // SIGTERM/SIGINT: stop accepting, finish in-flight requests, exit 0. A second signal exits at once.
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stderr.write(`${signal}: finishing in-flight requests\n`);
    started.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `error: while closing: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
