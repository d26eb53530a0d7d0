import type { HubOptions } from "./hub/hub-options.js";
import type { Row } from "./row-schema.js";
import type { SelectRowsOptions } from "./select/row-selector.js";

/**
 * Where to load from. `auto` tries a local file, then the Hub (when a token is set), then the bundled
 * demo set, and says which it used and why.
 */
export type DatasetSource = "auto" | "local" | "hub" | "synthetic" | "demo";

/** The tier a dataset was actually loaded from. */
export type LoadedTier = "local" | "hub" | "synthetic" | "demo";

/** The default dataset: IoT-23 with train/dev/test splits. */
export const DEFAULT_DATASET = "iot23-train-dev-test-v1";

/** Options of {@link loadDataset}, {@link openDataset} and {@link streamDataset}. */
export interface LoadDatasetOptions extends SelectRowsOptions {
  /** A dataset name (`iot23-train-dev-test-v1`, …) resolved in `dataDir`, or a path to a `.jsonl` file. */
  dataset?: string;
  source?: DatasetSource;
  /** Directory of local datasets (default `$SV_DATA_DIR`, else `./data/e1`). */
  dataDir?: string;
  /** Hub repository, token, endpoint, revision, fetch and cache (defaults from the environment). */
  hub?: HubOptions;
  /** The demo JSONL file (default: `fixtures/demo/e1-demo-v1.jsonl` found above this package). */
  demoPath?: string;
  signal?: AbortSignal;
}

/** Which dataset was chosen, from where and why. */
export interface DatasetOrigin {
  name: string;
  tier: LoadedTier;
  /** The file read, for the local and demo tiers (absent when the demo set was generated in memory). */
  path?: string;
  /** Hub repository, for the hub tier. */
  repo?: string;
  /** Hub revision (commit sha), for the hub tier. */
  revision?: string;
  /** Files read in the Hub repository, for the hub tier. */
  files?: string[];
  /** Why this tier was used, in one sentence. */
  reason: string;
}

/** A dataset that is ready to read: its origin and its rows in file order, before any selection. */
export interface OpenedDataset extends DatasetOrigin {
  rows: AsyncIterable<Row>;
}

/**
 * A loaded dataset: its origin, the split that was kept (`all` for every row), the selected rows and
 * the seed the selection used (absent when the rows are in file order, nothing drawn).
 */
export interface LoadedDataset extends DatasetOrigin {
  split: string;
  rows: Row[];
  seed?: number;
}
