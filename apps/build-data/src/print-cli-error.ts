import { redactSecrets, secretValues, systemErrorText } from "@sv/parser";
import { CommanderError } from "commander";
import { CliError } from "./cli-error.js";

/** Options of {@link printCliError}. */
export interface PrintCliErrorOptions {
  error: unknown;
  stderr: { write(text: string): unknown };
  /** The environment: its secrets (`HF_TOKEN`, …) are masked; `SV_DEBUG=1` asks for the stack. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Print a failed command as one line (`error: …`), every secret masked, and return its exit code.
 * Commander has already printed its own usage errors. A file-system error names its action and path;
 * an unexpected error's stack is printed only with `SV_DEBUG=1`.
 */
export function printCliError(options: PrintCliErrorOptions): number {
  const { error, env } = options;
  // Commander has printed its usage error; exit 2 like every other usage error of build-data.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  const secrets = secretValues({ env });
  const write = (text: string) => options.stderr.write(`error: ${redactSecrets(text, { secrets })}\n`);
  if (CliError.isInstance(error)) {
    write(error.message);
    return error.exitCode;
  }
  const debug = env.SV_DEBUG === "1";
  const system = systemErrorText(error);
  if (debug && error instanceof Error && error.stack) write(error.stack);
  else if (system) write(system);
  else {
    const message = (error instanceof Error ? error.message : String(error)).split("\n", 1)[0] ?? "";
    write(`${message.trim() || "unexpected error"} (SV_DEBUG=1 shows the stack trace)`);
  }
  return 1;
}
