import type { DatasetRow } from "./dataset-row.js";

type Counts = Record<string, number>;

function bump(counts: Counts, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([left], [right]) => (left < right ? -1 : 1)));
}

/** Counts of a built dataset: per label, per split × label, per family, per scenario × label. */
export interface RowCounts {
  total: number;
  by_label: Counts;
  by_split: Record<string, Counts>;
  by_family: Counts;
  by_scenario: Record<string, Counts>;
}

/** Count rows per label, split, family and scenario (keys sorted, so manifests are stable). */
export function countRows(rows: readonly DatasetRow[]): RowCounts {
  const byLabel: Counts = {};
  const bySplit: Record<string, Counts> = {};
  const byFamily: Counts = {};
  const byScenario: Record<string, Counts> = {};
  for (const row of rows) {
    bump(byLabel, row.answer);
    bySplit[row.meta.split] ??= {};
    bump(bySplit[row.meta.split]!, row.answer);
    bump(byFamily, row.meta.attack_family);
    byScenario[row.meta.scenario] ??= {};
    bump(byScenario[row.meta.scenario]!, row.answer);
  }
  return {
    total: rows.length,
    by_label: sorted(byLabel),
    by_split: sorted(Object.fromEntries(Object.entries(bySplit).map(([key, value]) => [key, sorted(value)]))),
    by_family: sorted(byFamily),
    by_scenario: sorted(
      Object.fromEntries(Object.entries(byScenario).map(([key, value]) => [key, sorted(value)])),
    ),
  };
}
