import type { FileSampleResult } from "./read-file-sample.js";

/** What a sample worker posts back for job `index`: its result, or the error that stopped it. */
export type SampleWorkerReply =
  | { index: number; result: FileSampleResult }
  | { index: number; error: { message: string; code?: string } };

/** Rebuild a worker's error on the main thread (message and `code`, e.g. `ENOENT`). */
export function replyError(error: { message: string; code?: string }): Error {
  const rebuilt = new Error(error.message) as Error & { code?: string };
  if (error.code !== undefined) rebuilt.code = error.code;
  return rebuilt;
}
