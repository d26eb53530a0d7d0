import type { SourceName } from "../readers/source-name.js";
import type { SourceManifest } from "./build-source.js";
import type { ContextSection } from "../context/context-rows.js";
import type { DatasetRow } from "./dataset-row.js";

/** A dataset's section of its sampling manifest: the file, the Hub copy it came from, and how it was sampled. */
export type ManifestSection = { dataset: string; hub?: { repo: string; files: unknown } } & SourceManifest;

/** One dataset of the build being staged: freshly built, or kept from the previous build. */
export interface StagedDataset {
  source: SourceName;
  fileName: string;
  rows: DatasetRow[];
  section: ManifestSection;
  /** Context builds: the source's context set (rows may be empty: its format has no time or hosts). */
  context?: { fileName: string; rows: DatasetRow[]; section: ContextSection };
  /** Kept unchanged from the build already in `--out` (a partial rebuild). */
  carried: boolean;
  /** `--flow-index`: where the index was written during the build, and its place beside the dataset. */
  flowIndex?: { built: string; final: string };
}
