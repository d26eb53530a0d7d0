import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DATASET_ERROR_CODES, DatasetError } from "./dataset-error.js";
import { readJsonlRows } from "./read-jsonl-rows.js";
import type { Row } from "./row-schema.js";
import { createSeededRandom, shuffleInPlace } from "./seeded-random.js";
import { syntheticRows } from "./synthetic-rows.js";

/** Where to load from. `auto` tries local, then the Hub (when a token is set), then the bundled demo set. */
export type DatasetSource = "auto" | "local" | "hub" | "synthetic";

/** The tier a dataset was actually loaded from. */
export type LoadedTier = "local" | "hub" | "synthetic" | "demo";

/** The default dataset: IoT-23 with train/dev/test splits. */
export const DEFAULT_DATASET = "iot23-train-dev-test-v1";

export interface LoadDatasetOptions {
  /** A dataset name (`iot23-train-dev-test-v1`, …) resolved in `dataDir`, or a path to a `.jsonl` file. */
  dataset?: string;
  source?: DatasetSource;
  /** Directory of local datasets (default `./data/e1`). */
  dataDir?: string;
  /** `meta.split` to keep; `all` keeps every row. Default: `test` when rows carry splits, else all. */
  split?: string;
  /** Keep at most this many rows (after the split filter and the shuffle). */
  maxExamples?: number;
  /** Shuffle with this seed before `maxExamples`; without it the file order is kept. */
  seed?: number;
  signal?: AbortSignal;
}

export interface LoadedDataset {
  name: string;
  tier: LoadedTier;
  /** The split that was kept (`all` for every row). */
  split: string;
  /** The file read, for local tiers. */
  path?: string;
  /** Hub revision (commit), for the hub tier. */
  revision?: string;
  /** Why this tier was used (for `auto`), in one sentence. */
  reason: string;
  rows: Row[];
}

function localPath(dataset: string, dataDir: string): string | undefined {
  if (dataset.endsWith(".jsonl") || dataset.includes("/") || dataset.includes("\\")) {
    return existsSync(dataset) ? resolve(dataset) : undefined;
  }
  const candidate = join(dataDir, `${dataset}.jsonl`);
  return existsSync(candidate) ? resolve(candidate) : undefined;
}

/** Apply the split filter, the seeded shuffle and `maxExamples`, in that order. */
export function selectRows(
  rows: Row[],
  options: Pick<LoadDatasetOptions, "split" | "seed" | "maxExamples">,
): {
  rows: Row[];
  split: string;
} {
  const hasSplits = rows.some((row) => typeof row.meta.split === "string");
  const split =
    options.split ?? (hasSplits && rows.some((row) => row.meta.split === "test") ? "test" : "all");
  let selected = split === "all" ? rows : rows.filter((row) => row.meta.split === split);
  if (options.seed !== undefined) selected = shuffleInPlace([...selected], createSeededRandom(options.seed));
  if (options.maxExamples !== undefined) {
    if (!Number.isInteger(options.maxExamples) || options.maxExamples < 0) {
      throw new DatasetError({
        code: DATASET_ERROR_CODES.invalidOptions,
        message: `maxExamples must be a non-negative integer, got ${options.maxExamples}`,
      });
    }
    selected = selected.slice(0, options.maxExamples);
  }
  return { rows: selected, split };
}

async function loadLocal(
  path: string,
  options: LoadDatasetOptions,
  name: string,
  reason: string,
): Promise<LoadedDataset> {
  const rows: Row[] = [];
  for await (const row of readJsonlRows(path, { signal: options.signal })) rows.push(row);
  const selected = selectRows(rows, options);
  return { name, tier: "local", path, reason, ...selected };
}

/**
 * Load a dataset by the original's tiers. Throws {@link DatasetError} with a message that says what was
 * tried and how to fix it.
 */
export async function loadDataset(options: LoadDatasetOptions = {}): Promise<LoadedDataset> {
  const source = options.source ?? "auto";
  const dataset = options.dataset ?? DEFAULT_DATASET;
  const dataDir = options.dataDir ?? "./data/e1";

  if (source === "synthetic" || dataset === "synthetic") {
    const selected = selectRows(syntheticRows(), options);
    return { name: "synthetic", tier: "synthetic", reason: "synthetic set requested", ...selected };
  }

  const path = localPath(dataset, dataDir);
  if (source === "local" || source === "auto") {
    if (path) return loadLocal(path, options, dataset, `found ${path}`);
    if (source === "local") {
      throw new DatasetError({
        code: DATASET_ERROR_CODES.notFound,
        message: `dataset "${dataset}" not found: no file ${dataset.endsWith(".jsonl") ? dataset : join(dataDir, `${dataset}.jsonl`)} (set --data-dir or SV_DATA_DIR, or build it with \`pnpm build-data\`)`,
      });
    }
  }
  throw new DatasetError({
    code: DATASET_ERROR_CODES.notFound,
    message: `dataset "${dataset}" is not available from source "${source}"`,
  });
}
