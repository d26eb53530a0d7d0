import { DATASET_ERROR_CODES, DatasetError } from "../dataset-error.js";
import type { Row } from "../row-schema.js";
import { createSeededRandom, shuffleInPlace } from "../seeded-random.js";

/** Which rows to keep: the split filter, the seeded shuffle and `maxExamples`, in that order. */
export interface SelectRowsOptions {
  /** `meta.split` to keep; `all` keeps every row. Default: `test` when some row is in `test`, else all. */
  split?: string;
  /** Shuffle with this seed before `maxExamples`; without it the input order is kept. */
  seed?: number;
  /** Keep at most this many rows (after the split filter and the shuffle). */
  maxExamples?: number;
}

/** Rows fed one at a time; `add` returns false once no further row can change the result. */
export interface RowSelector {
  add(row: Row): boolean;
  finish(): { rows: Row[]; split: string };
}

function checkMaxExamples(maxExamples: number | undefined): void {
  if (maxExamples === undefined) return;
  if (!Number.isInteger(maxExamples) || maxExamples < 0) {
    throw new DatasetError({
      code: DATASET_ERROR_CODES.invalidOptions,
      message: `maxExamples must be a non-negative integer, got ${maxExamples}`,
    });
  }
}

/**
 * A streaming form of {@link selectRows}. Without a seed it keeps at most `2 * maxExamples` rows and
 * says stop as soon as the answer is known, so a capped read of a large file ends early.
 */
export function createRowSelector(options: SelectRowsOptions = {}): RowSelector {
  checkMaxExamples(options.maxExamples);
  const limit = options.seed === undefined ? (options.maxExamples ?? Number.POSITIVE_INFINITY) : Infinity;
  const explicit = options.split;
  const kept: Row[] = [];
  // With the default split we keep two candidate lists until we know whether a `test` split exists.
  const testRows: Row[] = [];
  let sawTest = false;

  const add = (row: Row): boolean => {
    if (explicit !== undefined) {
      if (explicit === "all" || row.meta.split === explicit) kept.push(row);
      return kept.length < limit;
    }
    if (row.meta.split === "test") {
      sawTest = true;
      testRows.push(row);
    }
    if (kept.length < limit) kept.push(row);
    return testRows.length < limit;
  };

  const finish = (): { rows: Row[]; split: string } => {
    const split = explicit ?? (sawTest ? "test" : "all");
    let rows = explicit === undefined && sawTest ? testRows : kept;
    if (options.seed !== undefined) rows = shuffleInPlace([...rows], createSeededRandom(options.seed));
    if (options.maxExamples !== undefined) rows = rows.slice(0, options.maxExamples);
    return { rows, split };
  };

  return { add, finish };
}

/** Apply the split filter, the seeded shuffle and `maxExamples`, in that order. */
export function selectRows(
  rows: Iterable<Row>,
  options: SelectRowsOptions = {},
): { rows: Row[]; split: string } {
  const selector = createRowSelector(options);
  for (const row of rows) if (!selector.add(row)) break;
  return selector.finish();
}
