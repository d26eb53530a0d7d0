/**
 * Hub splits of the Python original's repository (`push_to_hub(split=...)` Parquet files) for each of
 * our dataset names. Older pushes put IoT-23 in `train`/`dev`/`test` and both OOD sets in `ood`.
 */
export const HUB_SPLITS: Readonly<Record<string, readonly string[]>> = {
  "iot23-train-dev-test-v1": ["train", "dev", "test"],
  "cic-ids-2017-ood-v1": ["cic_ood"],
  "unsw-nb15-ood-v1": ["unsw_ood"],
};

/** For the older combined `ood` split: which `meta.source` values belong to each OOD dataset. */
export const OOD_SOURCE_PATTERNS: Readonly<Record<string, RegExp>> = {
  "cic-ids-2017-ood-v1": /cic/i,
  "unsw-nb15-ood-v1": /unsw/i,
};

/** The files to read for a dataset: our own JSONL file, or the Parquet shards of its splits. */
export type HubFileChoice =
  | { format: "jsonl"; paths: [string] }
  | { format: "parquet"; paths: string[]; sourcePattern?: RegExp };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function splitPattern(split: string): RegExp {
  // data/train-00000-of-00001.parquet, data/train-00000-of-00001-<hash>.parquet, default/train/0000.parquet
  const name = escapeRegExp(split);
  return new RegExp(`(^|/)(${name}(-\\d+-of-\\d+)?(-[0-9a-f]{6,})?|${name}/[^/]+)\\.parquet$`);
}

function parquetFor(splits: readonly string[], paths: readonly string[]): string[] {
  const chosen: string[] = [];
  for (const split of splits) {
    const pattern = splitPattern(split);
    chosen.push(...paths.filter((path) => pattern.test(path)).sort());
  }
  return chosen;
}

/**
 * Pick the files for `name` among the repository's paths: `<name>.jsonl` (shallowest first), else the
 * Parquet shards of its Hub splits (an unknown name is taken as a split name), else the old `ood` split.
 */
export function pickHubFiles(name: string, paths: readonly string[]): HubFileChoice | undefined {
  const jsonl = paths
    .filter((path) => path === `${name}.jsonl` || path.endsWith(`/${name}.jsonl`))
    .sort((left, right) => left.split("/").length - right.split("/").length || left.localeCompare(right));
  if (jsonl[0] !== undefined) return { format: "jsonl", paths: [jsonl[0]] };
  const parquet = parquetFor(HUB_SPLITS[name] ?? [name], paths);
  if (parquet.length > 0) return { format: "parquet", paths: parquet };
  const sourcePattern = OOD_SOURCE_PATTERNS[name];
  const ood = sourcePattern ? parquetFor(["ood"], paths) : [];
  if (ood.length > 0) return { format: "parquet", paths: ood, sourcePattern };
  return undefined;
}
