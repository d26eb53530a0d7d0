import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import type { RolloutResult } from "@sv/env";

/** A line of results.jsonl that could not be read (e.g. the torn last line of a killed run). */
export interface InvalidResultLine {
  line: number;
  reason: string;
}

export interface ReadResultsOptions {
  /** Called for each unreadable line; such lines are skipped. */
  onInvalidLine?: (invalid: InvalidResultLine) => void;
}

function isResult(value: unknown): value is RolloutResult {
  if (value === null || typeof value !== "object") return false;
  const record = value as Partial<RolloutResult>;
  return (
    Number.isInteger(record.example_id) &&
    Number.isInteger(record.rollout_index) &&
    typeof record.reward === "number" &&
    typeof record.metrics === "object" &&
    typeof record.parsed === "object"
  );
}

/** Stream the rollouts of a results.jsonl file; a missing file yields nothing. */
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
    if (!isResult(value)) {
      options.onInvalidLine?.({ line: lineNumber, reason: "not a rollout record" });
      continue;
    }
    yield value;
  }
}
