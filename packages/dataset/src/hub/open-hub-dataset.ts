import { DATASET_ERROR_CODES, DatasetError } from "../dataset-error.js";
import type { Row } from "../row-schema.js";
import { rowsFromLines } from "../rows-from-lines.js";
import { createHubClient, type HubClient } from "./hub-client.js";
import { hubCachePath, readCached, writeCached } from "./hub-cache.js";
import { HUB_SPLITS, type HubFileChoice, pickHubFiles } from "./hub-layout.js";
import { type HubOptions, type HubSettings, resolveHubSettings } from "./hub-options.js";
import { parquetRows } from "./parquet-rows.js";

/** Options of {@link openHubDataset}. */
export interface OpenHubDatasetOptions {
  /** Dataset name without `.jsonl` (`iot23-train-dev-test-v1`, …) or a split name of the repository. */
  name: string;
  hub?: HubOptions;
  signal?: AbortSignal;
}

/** A Hub dataset whose files were found and downloaded; rows are parsed as they are iterated. */
export interface OpenedHubDataset {
  repo: string;
  /** The commit read (the requested revision when the Hub did not say). */
  revision: string;
  format: HubFileChoice["format"];
  paths: string[];
  rows: AsyncIterable<Row>;
}

function describeMissing(name: string, repo: string, revision: string, paths: readonly string[]): string {
  const wanted = (HUB_SPLITS[name] ?? [name]).join(", ");
  const shown = paths.slice(0, 20).join(", ");
  const more = paths.length > 20 ? ` (and ${paths.length - 20} more)` : "";
  return `dataset ${repo}@${revision.slice(0, 12)} has no file for "${name}": looked for ${name}.jsonl and Parquet splits ${wanted}; files in the repository: ${shown || "(none)"}${more}`;
}

async function fileBytes(
  client: HubClient,
  settings: HubSettings,
  revision: string,
  path: string,
): Promise<ArrayBuffer> {
  const cached = settings.cacheDir
    ? hubCachePath(settings.cacheDir, settings.repo, revision, path)
    : undefined;
  const hit = cached ? await readCached(cached) : undefined;
  if (hit) return hit;
  const bytes = await client.download(revision, path);
  if (cached) await writeCached(cached, bytes);
  return bytes;
}

async function* lines(bytes: ArrayBuffer): AsyncGenerator<string> {
  yield* new TextDecoder().decode(bytes).split(/\r?\n/);
}

async function* readRows(
  files: { file: string; bytes: ArrayBuffer }[],
  choice: HubFileChoice,
): AsyncGenerator<Row> {
  for (const { file, bytes } of files) {
    if (choice.format === "jsonl") {
      yield* rowsFromLines(lines(bytes), file);
      continue;
    }
    for (const row of await parquetRows(bytes, file)) {
      if (!choice.sourcePattern || choice.sourcePattern.test(row.meta.source)) yield row;
    }
  }
}

/**
 * Find a dataset in a Hub repository: our JSONL files, or the Python original's Parquet splits
 * (`train`, `cic_ood`, `unsw_ood`). Throws {@link DatasetError} (`DATASET_HUB_*`) for a missing token,
 * a rejected token, a gated repository, a missing repository or file, and an unreachable Hub.
 */
export async function openHubDataset(options: OpenHubDatasetOptions): Promise<OpenedHubDataset> {
  const settings = resolveHubSettings(options.hub);
  const client = createHubClient(settings, options.signal);
  const revision = await client.resolveRevision();
  const paths = await client.listPaths(revision);
  const choice = pickHubFiles(options.name, paths);
  if (!choice) {
    throw new DatasetError({
      code: DATASET_ERROR_CODES.hubNotFound,
      message: describeMissing(options.name, settings.repo, revision, paths),
    });
  }
  // Hub files are small and read whole, so download them now: every network failure surfaces here.
  const files: { file: string; bytes: ArrayBuffer }[] = [];
  for (const path of choice.paths) {
    const bytes = await fileBytes(client, settings, revision, path);
    files.push({ file: `hf://datasets/${settings.repo}/${path}`, bytes });
  }
  return {
    repo: settings.repo,
    revision,
    format: choice.format,
    paths: choice.paths,
    rows: readRows(files, choice),
  };
}
