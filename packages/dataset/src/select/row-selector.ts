import { DATASET_ERROR_CODES, DatasetError } from "../dataset-error.js";
import type { Row } from "../row-schema.js";
import { createSeededRandom, shuffleInPlace } from "../seeded-random.js";
import { createStratifiedPool, type StratifiedPool } from "./stratified-pool.js";

/**
 * How `maxExamples` picks its rows. `stratified`: a seeded random sample in which every label keeps its
 * share of the split (largest remainder), in a seeded random order. `head`: the first `maxExamples`
 * rows in input order (after the seeded shuffle when a seed is given), read no further than needed.
 */
export type Sampling = "stratified" | "head";

/** The seed of a stratified sample when none is given; reported as `seed` in the selection. */
export const DEFAULT_SELECTION_SEED = 0;

/** Which rows to keep: the split filter, then `maxExamples` drawn by `sampling`. */
export interface SelectRowsOptions {
  /** `meta.split` to keep; `all` keeps every row. Default: `test` when some row is in `test`, else all. */
  split?: string;
  /**
   * Seed of the sample and of the row order. Without one, a stratified `maxExamples` sample uses
   * {@link DEFAULT_SELECTION_SEED}, and an uncapped selection keeps the input order.
   */
  seed?: number;
  /** Keep at most this many rows of the split. */
  maxExamples?: number;
  /** How `maxExamples` picks its rows (default `stratified`). */
  sampling?: Sampling;
}

/** The selected rows, the split they were taken from and the seed used (absent: input order kept). */
export interface RowSelection {
  rows: Row[];
  split: string;
  seed?: number;
}

/** Rows fed one at a time; `add` returns false once no further row can change the result. */
export interface RowSelector {
  add(row: Row): boolean;
  finish(): RowSelection;
}

function invalid(message: string): DatasetError {
  return new DatasetError({ code: DATASET_ERROR_CODES.invalidOptions, message });
}

function checkOptions(options: SelectRowsOptions): void {
  const { maxExamples, seed, sampling } = options;
  if (maxExamples !== undefined && (!Number.isInteger(maxExamples) || maxExamples < 0)) {
    throw invalid(`maxExamples must be a non-negative integer, got ${maxExamples}`);
  }
  if (seed !== undefined && !Number.isInteger(seed)) throw invalid(`seed must be an integer, got ${seed}`);
  if (sampling !== undefined && sampling !== "stratified" && sampling !== "head") {
    throw invalid(`sampling must be "stratified" or "head", got ${JSON.stringify(sampling)}`);
  }
}

/** The seed a selection with these options uses, or undefined when it keeps the input order. */
export function selectionSeed(options: SelectRowsOptions): number | undefined {
  if (options.seed !== undefined) return options.seed;
  const stratified = (options.sampling ?? "stratified") === "stratified";
  return stratified && options.maxExamples !== undefined ? DEFAULT_SELECTION_SEED : undefined;
}

/**
 * Keeps the rows of one candidate split: every row when the whole split is kept (no cap, or `head` with
 * a seed), a per-label reservoir for a stratified sample, or the first rows for an unseeded `head`.
 */
interface Candidates {
  add(row: Row): void;
  /** True once an unseeded `head` selection has all its rows. */
  full(): boolean;
  finish(): Row[];
}

function createCandidates(options: SelectRowsOptions, seed: number | undefined): Candidates {
  const { maxExamples } = options;
  const stratified = (options.sampling ?? "stratified") === "stratified";
  if (stratified && maxExamples !== undefined) {
    const pool: StratifiedPool = createStratifiedPool({ size: maxExamples, seed: seed ?? 0 });
    return { add: (row) => pool.add(row), full: () => false, finish: () => pool.finish() };
  }
  const kept: Row[] = [];
  const limit = seed === undefined ? (maxExamples ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  return {
    add: (row) => {
      if (kept.length < limit) kept.push(row);
    },
    full: () => kept.length >= limit,
    finish: () => {
      let rows = seed === undefined ? kept : shuffleInPlace([...kept], createSeededRandom(seed));
      if (maxExamples !== undefined) rows = rows.slice(0, maxExamples);
      return rows;
    },
  };
}

/**
 * A streaming form of {@link selectRows}. A stratified sample keeps at most `maxExamples` rows per label
 * (a reservoir), whatever the size of the input; an unseeded `head` selection says stop as soon as it
 * has its rows, so a capped read of a large file ends early.
 */
export function createRowSelector(options: SelectRowsOptions = {}): RowSelector {
  checkOptions(options);
  const seed = selectionSeed(options);
  const explicit = options.split;
  const kept = createCandidates(options, seed);
  // With the default split we keep two candidate sets until we know whether a `test` split exists.
  const testRows = explicit === undefined ? createCandidates(options, seed) : undefined;
  let sawTest = false;

  const add = (row: Row): boolean => {
    if (explicit !== undefined) {
      if (explicit === "all" || row.meta.split === explicit) kept.add(row);
      return !kept.full();
    }
    if (row.meta.split === "test") {
      sawTest = true;
      testRows?.add(row);
    }
    kept.add(row);
    return !testRows?.full();
  };

  const finish = (): RowSelection => {
    const split = explicit ?? (sawTest ? "test" : "all");
    const rows = (explicit === undefined && sawTest ? testRows! : kept).finish();
    return seed === undefined ? { rows, split } : { rows, split, seed };
  };

  return { add, finish };
}

/**
 * Apply the split filter, then pick `maxExamples` rows: by default a seeded, label-stratified sample
 * (seed {@link DEFAULT_SELECTION_SEED} when none is given) in seeded random order; `sampling: "head"`
 * takes the first rows (after a seeded shuffle when a seed is given). Same rows and seed, same result.
 */
export function selectRows(rows: Iterable<Row>, options: SelectRowsOptions = {}): RowSelection {
  const selector = createRowSelector(options);
  for (const row of rows) if (!selector.add(row)) break;
  return selector.finish();
}
