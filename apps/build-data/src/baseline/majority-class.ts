import type { DatasetRow } from "../build/dataset-row.js";

/** The accuracy of always giving one answer on a split: the bar every baseline has to clear. */
export interface MajorityScore {
  /** Evaluation set (`iot23`, `cic-ids-2017`, …). */
  set: string;
  split: string;
  rows: number;
  /** The more frequent answer; both on a tie; undefined on an empty split. */
  labels: ("Malicious" | "Benign")[];
  /** Share of the majority answer; undefined (n/a) when the split has no rows. */
  accuracy: number | undefined;
}

export interface MajorityScoresOptions {
  set: string;
  rows: readonly DatasetRow[];
  /** Splits to score, in this order (default: those present, as they first appear). */
  splits?: readonly string[];
}

/** Majority-class accuracy of each split of one set. */
export function majorityScores(options: MajorityScoresOptions): MajorityScore[] {
  const bySplit = new Map<string, { Malicious: number; Benign: number }>();
  for (const split of options.splits ?? []) bySplit.set(split, { Malicious: 0, Benign: 0 });
  for (const row of options.rows) {
    const counts = bySplit.get(row.meta.split) ?? { Malicious: 0, Benign: 0 };
    counts[row.answer] += 1;
    bySplit.set(row.meta.split, counts);
  }
  return [...bySplit.entries()].map(([split, counts]) => {
    const rows = counts.Malicious + counts.Benign;
    const top = Math.max(counts.Malicious, counts.Benign);
    const labels =
      rows === 0 ? [] : (["Malicious", "Benign"] as const).filter((label) => counts[label] === top);
    return { set: options.set, split, rows, labels: [...labels], accuracy: rows ? top / rows : undefined };
  });
}
