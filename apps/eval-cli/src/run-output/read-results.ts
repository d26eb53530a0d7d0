import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import type { RolloutResult } from "@sv/env";
import { readResultRow } from "./read-result-row.js";

/** A line of results.jsonl that could not be read (e.g. the torn last line of a killed run). */
export interface InvalidResultLine {
  line: number;
  reason: string;
}

export interface ReadResultsOptions {
  /** Called for each unreadable line; such lines are skipped. */
  onInvalidLine?: (invalid: InvalidResultLine) => void;
}

/** Stream the rollouts of a results.jsonl file `pnpm eval` wrote; a missing file yields nothing. */
export async function* readResults(
  path: string,
  options: ReadResultsOptions = {},
): AsyncGenerator<RolloutResult> {
  if (!existsSync(path)) return;
  const lines = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      options.onInvalidLine?.({ line: lineNumber, reason: "not valid JSON (a torn write?)" });
      continue;
    }
    const result = readResultRow(value);
    if (!result) {
      options.onInvalidLine?.({ line: lineNumber, reason: "not a rollout record" });
      continue;
    }
    yield result;
  }
}
