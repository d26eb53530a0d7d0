import { CLI_ERROR_CODES, CliError, type CliErrorCode } from "../cli-error.js";
import type { FileSampleResult } from "./read-file-sample.js";

/** An error as it crosses the thread boundary: its message, `code`, and whether it is a {@link CliError}. */
export interface SampleWorkerError {
  message: string;
  code?: string;
  /** Set for a {@link CliError}: the error is one clean line for the user. */
  exitCode?: number;
}

/** What a sample worker posts back for job `index`: its result, or the error that stopped it. */
export type SampleWorkerReply =
  | { index: number; result: FileSampleResult }
  | { index: number; error: SampleWorkerError };

/** An error as plain data for `postMessage`. */
export function toWorkerError(error: unknown): SampleWorkerError {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return {
    message: typeof message === "string" ? message : String(error),
    ...(typeof code === "string" ? { code } : {}),
    ...(CliError.isInstance(error) ? { exitCode: error.exitCode } : {}),
  };
}

/** Rebuild a worker's error on the main thread: a {@link CliError} again, or an Error with its `code` (e.g. `ENOENT`). */
export function replyError(error: SampleWorkerError): Error {
  if (error.exitCode !== undefined) {
    const known: readonly string[] = Object.values(CLI_ERROR_CODES);
    return new CliError({
      message: error.message,
      code: known.includes(error.code ?? "") ? (error.code as CliErrorCode) : CLI_ERROR_CODES.noInput,
      exitCode: error.exitCode,
    });
  }
  const rebuilt = new Error(error.message) as Error & { code?: string };
  if (error.code !== undefined) rebuilt.code = error.code;
  return rebuilt;
}
