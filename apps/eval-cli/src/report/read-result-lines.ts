import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseResultLine } from "./parse-result-line.js";
import type { ResultLine } from "./result-line.js";

/** Options of {@link readResultLines}. */
export interface ReadResultLinesOptions {
  /** Path of a `results.jsonl`. */
  path: string;
  /** Name used in error messages (defaults to `path`). */
  fileName?: string;
}

/** Stream the rollouts of a `results.jsonl`, one parsed line at a time; blank lines are skipped. */
export async function* readResultLines(options: ReadResultLinesOptions): AsyncGenerator<ResultLine> {
  const lines = createInterface({
    input: createReadStream(options.path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === "") continue;
    yield parseResultLine({ text, fileName: options.fileName ?? options.path, lineNumber });
  }
}
