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

/**
 * Stream the rollouts of a `results.jsonl`, one parsed line at a time; blank lines are skipped. Rows
 * that name no rollout (vf-eval's, the original's) are numbered in file order within each example, so
 * a run with several rollouts per example keeps every rollout.
 */
export async function* readResultLines(options: ReadResultLinesOptions): AsyncGenerator<ResultLine> {
  const lines = createInterface({
    input: createReadStream(options.path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const seen = new Map<number | string, number>();
  const nextRolloutIndex = (exampleId: number | string) => {
    const index = seen.get(exampleId) ?? 0;
    seen.set(exampleId, index + 1);
    return index;
  };
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === "") continue;
    yield parseResultLine({
      text,
      fileName: options.fileName ?? options.path,
      lineNumber,
      nextRolloutIndex,
    });
  }
}
