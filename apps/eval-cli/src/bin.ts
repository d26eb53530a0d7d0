#!/usr/bin/env node
import { runCli } from "./cli.js";

// First Ctrl-C stops cleanly (everything finished is written); a second one exits at once.
const controller = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write(`\n${signal}: stopping; finished rollouts are kept (Ctrl-C again to quit now)\n`);
  controller.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

process.exitCode = await runCli(process.argv, { io: { signal: controller.signal } });
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
