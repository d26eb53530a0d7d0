import { createHash } from "node:crypto";
import type { LoadedDataset, Row } from "@sv/dataset";

/** metadata.json `dataset_fingerprint`: which rows, in which order, a run evaluated. */
export interface DatasetFingerprint {
  /** SHA-256 over each row's `meta.hash` (else a hash of its question) and answer, in order. */
  sha256: string;
  n_rows: number;
  name: string;
  /** The tier the rows came from: local, hub, synthetic or demo. */
  source: string;
  split: string;
  path: string | null;
  revision: string | null;
  seed: number | null;
}

function rowId(row: Row): string {
  const hash = row.meta?.hash;
  if (typeof hash === "string" && hash !== "") return hash;
  return createHash("sha256").update(row.question).digest("hex").slice(0, 16);
}

/** Options of {@link fingerprintDataset}. */
export interface FingerprintDatasetOptions {
  dataset: LoadedDataset;
  /** The shuffle seed the rows were selected with (recorded, not hashed: the rows' order already is). */
  seed: number | null;
}

/** The fingerprint of the rows a run evaluates (a change of file, seed, split or order changes it). */
export function fingerprintDataset(options: FingerprintDatasetOptions): DatasetFingerprint {
  const { dataset, seed } = options;
  const hash = createHash("sha256");
  for (const row of dataset.rows) hash.update(`${rowId(row)} ${row.answer}\n`);
  return {
    sha256: hash.digest("hex"),
    n_rows: dataset.rows.length,
    name: dataset.name,
    source: dataset.tier,
    split: dataset.split,
    path: dataset.path ?? null,
    revision: dataset.revision ?? null,
    seed,
  };
}

const show = (value: unknown) => (value === null || value === undefined ? "none" : String(value));

/** Options of {@link describeDatasetChange}. */
export interface DescribeDatasetChangeOptions {
  /** The fingerprint the run recorded. */
  recorded: DatasetFingerprint;
  /** The fingerprint of the dataset loaded now. */
  current: DatasetFingerprint;
}

/**
 * How `current` differs from the run's `recorded` fingerprint, as a phrase (`source demo → local, 44 → 30 rows`);
 * undefined when the rows are the same.
 */
export function describeDatasetChange(options: DescribeDatasetChangeOptions): string | undefined {
  const { recorded: then, current: now } = options;
  if (then.sha256 === now.sha256 && then.n_rows === now.n_rows) return undefined;
  const changes: string[] = [];
  for (const field of ["name", "source", "split", "path", "revision", "seed"] as const) {
    if (then[field] !== now[field]) changes.push(`${field} ${show(then[field])} → ${show(now[field])}`);
  }
  if (then.n_rows !== now.n_rows) changes.push(`${then.n_rows} → ${now.n_rows} rows`);
  if (then.n_rows === now.n_rows) {
    changes.push(
      `other rows or order (fingerprint ${then.sha256.slice(0, 12)} → ${now.sha256.slice(0, 12)}; was the file rebuilt, e.g. with another seed?)`,
    );
  }
  return changes.join(", ");
}
