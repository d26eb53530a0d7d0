import type { Row } from "../row-schema.js";
import { createSeededRandom, type SeededRandom, shuffleInPlace } from "../seeded-random.js";

/** Rows fed one at a time; `finish` draws the stratified sample. */
export interface StratifiedPool {
  add(row: Row): void;
  finish(): Row[];
}

interface Stratum {
  label: string;
  seen: number;
  /** A uniform random sample of this label's rows, at most `size` of them. */
  reservoir: Row[];
}

/**
 * Each label's share of `size` rows in proportion to its count (largest remainder; ties go to the
 * larger stratum, then to the label that sorts first), never more than the label has.
 */
export function allocateByLabel(counts: ReadonlyMap<string, number>, size: number): Map<string, number> {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const take = Math.min(size, total);
  const shares = [...counts.entries()].map(([label, count]) => {
    const exact = total === 0 ? 0 : (take * count) / total;
    return { label, count, quota: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = take - shares.reduce((sum, share) => sum + share.quota, 0);
  const byRemainder = [...shares].sort(
    (a, b) =>
      b.remainder - a.remainder || b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  for (const share of byRemainder) {
    if (left === 0) break;
    if (share.quota < share.count) {
      share.quota++;
      left--;
    }
  }
  return new Map(shares.map((share) => [share.label, share.quota]));
}

/**
 * A label-stratified random sample of `size` rows from a stream of any length: one reservoir of at
 * most `size` rows per label (Algorithm R), then each label's share of `size` drawn from its reservoir
 * and the result shuffled. Deterministic for a given seed and input order; memory is O(size × labels).
 */
export function createStratifiedPool(options: { size: number; seed: number }): StratifiedPool {
  const { size } = options;
  const random: SeededRandom = createSeededRandom(options.seed);
  const strata = new Map<string, Stratum>();

  const add = (row: Row): void => {
    const label = String(row.answer);
    let stratum = strata.get(label);
    if (!stratum) {
      stratum = { label, seen: 0, reservoir: [] };
      strata.set(label, stratum);
    }
    stratum.seen++;
    if (stratum.reservoir.length < size) stratum.reservoir.push(row);
    else {
      const slot = random.nextInt(stratum.seen);
      if (slot < size) stratum.reservoir[slot] = row;
    }
  };

  const finish = (): Row[] => {
    const ordered = [...strata.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const quotas = allocateByLabel(new Map(ordered.map((stratum) => [stratum.label, stratum.seen])), size);
    const sample: Row[] = [];
    for (const stratum of ordered) {
      const quota = quotas.get(stratum.label) ?? 0;
      sample.push(...shuffleInPlace([...stratum.reservoir], random).slice(0, quota));
    }
    return shuffleInPlace(sample, random);
  };

  return { add, finish };
}
