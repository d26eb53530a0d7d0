import { redactSecrets, secretValues, systemErrorText } from "@sv/parser";
import { CommanderError } from "commander";
import { CliError } from "./cli-error.js";
import { mkdirFailureCause } from "./mkdir-failure-cause.js";

/** Options of {@link printCliError}. */
export interface PrintCliErrorOptions {
  error: unknown;
  stderr: { write(text: string): unknown };
  /** The CLI's environment: its secrets are masked, `SV_DEBUG=1` asks for the stack. */
  env: Readonly<Record<string, string | undefined>>;
  /** The command line (after `node bin`): `-k/--api-key-var` and `-b` name more secrets, `-v` the stack. */
  args: readonly string[];
}

/** The value of `-x VALUE`, `--long VALUE` or `--long=VALUE` in a command line. */
function flagValues(args: readonly string[], short: string, long: string): string[] {
  const values: string[] = [];
  args.forEach((arg, index) => {
    if ((arg === short || arg === long) && index + 1 < args.length) values.push(args[index + 1]!);
    else if (arg.startsWith(`${long}=`)) values.push(arg.slice(long.length + 1));
  });
  return values;
}

/** Mask every secret the command line and environment know of in a text bound for stderr. */
export function redactForCli(
  text: string,
  env: PrintCliErrorOptions["env"],
  args: readonly string[],
): string {
  const secrets = secretValues({
    env,
    names: flagValues(args, "-k", "--api-key-var"),
    urls: flagValues(args, "-b", "--api-base-url"),
  });
  return redactSecrets(text, { secrets });
}

/**
 * Print a failed command as one redacted line (`error: …`) and return its exit code. Commander has
 * already printed its own usage errors. A file-system error names its action and path
 * ({@link systemErrorText}). An unexpected error's stack is printed (redacted too) only with
 * `-v/--verbose` or `SV_DEBUG=1`.
 */
export function printCliError(options: PrintCliErrorOptions): number {
  const { error, env, args } = options;
  // Commander has printed its usage error; its exit code 1 would read as an early stop (README: 2 = usage).
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  const redact = (text: string) => redactForCli(text, env, args);
  if (CliError.isInstance(error)) {
    options.stderr.write(`error: ${redact(error.message)}\n`);
    return error.exitCode;
  }
  const debug = env.SV_DEBUG === "1" || args.includes("-v") || args.includes("--verbose");
  const system = systemErrorText(mkdirFailureCause(error));
  if (system && !debug) {
    options.stderr.write(`error: ${redact(system)}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (debug && error instanceof Error && error.stack) {
    options.stderr.write(`error: ${redact(error.stack)}\n`);
  } else {
    options.stderr.write(`error: ${redact(firstLine(message))} (SV_DEBUG=1 shows the stack trace)\n`);
  }
  return 1;
}

function firstLine(text: string): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.trim() === "" ? "unexpected error" : line;
}
