import { type Candidate, compareCandidates } from "./candidate.js";
import { priorityOfString } from "./priority.js";

/** A selected flow with the split it was given. */
export interface SplitEntry {
  candidate: Candidate;
  split: string;
}

export interface OrderForOutputOptions {
  entries: readonly SplitEntry[];
  seed: number;
}

const SPLIT_ORDER: Record<string, number> = { train: 0, dev: 1, test: 2, ood: 3 };

/**
 * The order rows are written in: by split (train, dev, test, ood), and inside a split by a seeded key
 * of the flow's content hash, so labels, scenarios and strata are mixed and the first N rows of a split
 * are a fair sample of it. Sampling priorities cannot serve here: a big stratum's reservoir keeps only
 * the smallest ones, so sorting by them puts that stratum first. Deterministic for a given seed, and a
 * row's place does not depend on the other rows.
 */
export function orderForOutput(options: OrderForOutputOptions): SplitEntry[] {
  const keyed = options.entries.map((entry) => ({
    entry,
    key: priorityOfString(`output-order:${entry.candidate.hash}`, options.seed),
  }));
  keyed.sort(
    (left, right) =>
      (SPLIT_ORDER[left.entry.split] ?? 9) - (SPLIT_ORDER[right.entry.split] ?? 9) ||
      left.key - right.key ||
      compareCandidates(left.entry.candidate, right.entry.candidate),
  );
  return keyed.map(({ entry }) => entry);
}
