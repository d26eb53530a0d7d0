#!/usr/bin/env node
import { runCli } from "./cli.js";
import { interruptNotice } from "./interrupt-notice.js";
import { watchStdout } from "./watch-stdout.js";

// First Ctrl-C stops the running command cleanly, saying how (an evaluation keeps every finished
// rollout, the viewer closes its server); a second one, or one in a command that has nothing to
// stop cleanly, exits at once.
const controller = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  const notice = interruptNotice();
  if (controller.signal.aborted || notice === undefined) process.exit(130);
  process.stderr.write(`\n${signal}: ${notice}\n`);
  controller.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
watchStdout();

process.exitCode = await runCli(process.argv, { io: { signal: controller.signal } });
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
