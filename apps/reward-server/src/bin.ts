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
    // Requests time out after two minutes, so this only fires for a server that cannot drain.
    setTimeout(() => {
      process.stderr.write("error: in-flight requests did not finish within 150 s; exiting\n");
      process.exit(1);
    }, 150_000).unref();
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
