import { flowHash, parseQuestion } from "@sv/dataset";
import type { DatasetRow } from "../build/dataset-row.js";
import { checkQuestion } from "./check-question.js";
import type { LeakMatcher } from "./leak-words.js";
import { listProblems, type ValidationCheck } from "./validation-check.js";

export interface CheckDatasetRowsOptions {
  rows: readonly DatasetRow[];
  name: string;
  /** IoT-23 has train/dev/test; the out-of-distribution sets only `ood`. */
  iot: boolean;
  leaks: LeakMatcher;
  checks: ValidationCheck[];
}

/** Per-file checks: duplicates, hashes, canonical leak-free questions, splits and labels. */
export function checkDatasetRows(options: CheckDatasetRowsOptions): void {
  const { rows, name, checks } = options;
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  const hashMismatch: string[] = [];
  const questionProblems: string[] = [];
  rows.forEach((row, index) => {
    const line = index + 1;
    const previous = seen.get(row.meta.hash);
    if (previous !== undefined) duplicates.push(`${row.meta.hash} (lines ${previous} and ${line})`);
    seen.set(row.meta.hash, line);
    if (flowHash(parseQuestion(row.question)) !== row.meta.hash)
      hashMismatch.push(`${name}:${line} meta.hash`);
    for (const problem of checkQuestion(row.question, options.leaks))
      questionProblems.push(
        `${name}:${line}${problem.field ? ` field ${problem.field}` : ""}: ${problem.message}`,
      );
  });
  checks.push({
    name: `${name}: no duplicate flow (meta.hash) in any split`,
    ok: duplicates.length === 0,
    detail: listProblems(duplicates) || `${seen.size} distinct`,
  });
  checks.push({
    name: `${name}: meta.hash matches the question's flow`,
    ok: hashMismatch.length === 0,
    detail: listProblems(hashMismatch) || "all match",
  });
  checks.push({
    name: `${name}: questions are canonical flows without label or family words`,
    ok: questionProblems.length === 0,
    detail: listProblems(questionProblems) || "all canonical",
  });
  const splits = new Set(rows.map((row) => row.meta.split));
  const expected = options.iot ? ["dev", "test", "train"] : ["ood"];
  const okSplits = splits.size === expected.length && expected.every((split) => splits.has(split));
  checks.push({
    name: `${name}: splits`,
    ok: okSplits,
    detail: `${[...splits].sort().join(", ")} (expected ${expected.join(", ")})`,
  });
  const labels = new Set(rows.map((row) => row.answer));
  checks.push({
    name: `${name}: both labels present`,
    ok: labels.size === 2,
    detail: [...labels].sort().join(", ") || "no rows",
  });
}
