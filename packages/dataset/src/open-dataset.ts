import { DATASET_ERROR_CODES, DatasetError } from "./dataset-error.js";
import { DEFAULT_DATASET, type LoadDatasetOptions, type OpenedDataset } from "./dataset-options.js";
import { DEMO_DATASET, findDemoFile } from "./demo/find-demo-file.js";
import { generateDemoRows } from "./demo/generate-demo-rows.js";
import { resolveHubSettings } from "./hub/hub-options.js";
import { openHubDataset } from "./hub/open-hub-dataset.js";
import { readJsonlRows } from "./read-jsonl-rows.js";
import { type DataDir, type LocalCandidate, resolveDataDir, resolveLocalPath } from "./resolve-local-path.js";
import type { Row } from "./row-schema.js";
import { syntheticRows } from "./synthetic-rows.js";

async function* fromArray(rows: Row[]): AsyncGenerator<Row> {
  yield* rows;
}

function openDemo(options: LoadDatasetOptions, reason: string): OpenedDataset {
  const path = findDemoFile({ demoPath: options.demoPath });
  if (path)
    return {
      name: DEMO_DATASET,
      tier: "demo",
      path,
      reason,
      rows: readJsonlRows(path, { signal: options.signal }),
    };
  if (options.demoPath !== undefined) {
    throw new DatasetError({
      code: DATASET_ERROR_CODES.notFound,
      message: `demo file ${options.demoPath} not found`,
    });
  }
  const generated = `${reason} (generated in memory: no fixtures/demo found)`;
  return { name: DEMO_DATASET, tier: "demo", reason: generated, rows: fromArray(generateDemoRows()) };
}

async function openHub(options: LoadDatasetOptions, name: string, reason: string): Promise<OpenedDataset> {
  const hub = await openHubDataset({ name, hub: options.hub, signal: options.signal });
  const at = `${hub.repo}@${hub.revision.slice(0, 12)}`;
  return {
    name,
    tier: "hub",
    repo: hub.repo,
    revision: hub.revision,
    files: hub.paths,
    reason: `${reason}: read ${hub.paths.join(", ")} from ${at}`,
    rows: hub.rows,
  };
}

const DATA_DIR_SOURCES: Record<DataDir["from"], string> = {
  option: "the dataDir option",
  SV_DATA_DIR: "SV_DATA_DIR",
  default: "the default; set SV_DATA_DIR or dataDir (--data-dir in the CLI) to look elsewhere",
};

/** Where a dataset was looked for, for error messages: the paths, and where the data directory came from. */
function lookedAt(candidate: LocalCandidate, dataDir: DataDir): string {
  const files = candidate.looked.join(", ");
  if (candidate.explicitPath) return `no file ${files}`;
  return `no file ${files} (data directory ${dataDir.dir}, from ${DATA_DIR_SOURCES[dataDir.from]})`;
}

function missingLocal(
  candidate: LocalCandidate,
  dataset: string,
  dataDir: DataDir,
  hub?: string,
): DatasetError {
  const fix = candidate.explicitPath ? "" : " Build it with `pnpm build-data`, or point SV_DATA_DIR at it.";
  return new DatasetError({
    code: DATASET_ERROR_CODES.notFound,
    message: `dataset "${dataset}" not found: ${lookedAt(candidate, dataDir)}${hub ? `; ${hub}` : ""}.${fix}`,
  });
}

const HUB_FAILURES = new Set<string>([
  DATASET_ERROR_CODES.hubAuth,
  DATASET_ERROR_CODES.hubGated,
  DATASET_ERROR_CODES.hubNotFound,
  DATASET_ERROR_CODES.hubUnavailable,
]);

/**
 * Choose the tier and open the dataset without reading it: the origin (tier, path or Hub revision, and
 * the reason) and the rows as an async iterable in file order. Local files are streamed.
 */
export async function openDataset(options: LoadDatasetOptions = {}): Promise<OpenedDataset> {
  const source = options.source ?? "auto";
  const named = options.dataset !== undefined;
  const dataset = options.dataset ?? DEFAULT_DATASET;
  if (source === "synthetic" || dataset === "synthetic") {
    return {
      name: "synthetic",
      tier: "synthetic",
      reason: "synthetic set requested",
      rows: fromArray(syntheticRows()),
    };
  }
  if (source === "demo" || dataset === "demo" || dataset === DEMO_DATASET)
    return openDemo(options, "demo set requested");

  const dataDir = resolveDataDir(options.dataDir);
  const candidate = resolveLocalPath(dataset, dataDir.dir);
  const local = (reason: string): OpenedDataset => ({
    name: candidate.name,
    tier: "local",
    path: candidate.path,
    reason,
    rows: readJsonlRows(candidate.path, { signal: options.signal }),
  });
  if (source === "local") {
    if (!candidate.found) throw missingLocal(candidate, dataset, dataDir);
    return local(`local file ${candidate.path} requested`);
  }
  if (source === "hub") return openHub(options, candidate.name, "Hub requested");

  // auto: local → Hub (with a token) → demo.
  if (candidate.found) return local(`found local file ${candidate.path}`);
  if (candidate.explicitPath) throw missingLocal(candidate, dataset, dataDir);
  // Only when no dataset was named may the demo set stand in: a dataset asked for by name (even the
  // default one) must not be silently replaced by another one.
  const mayUseDemo = !named;
  const hub = resolveHubSettings(options.hub);
  if (hub.token === undefined) {
    if (!mayUseDemo) throw missingLocal(candidate, dataset, dataDir, "not tried on the Hub (no HF_TOKEN)");
    return openDemo(options, `no local file ${candidate.path} and no HF_TOKEN; using the bundled demo set`);
  }
  try {
    return await openHub(options, candidate.name, `no local file ${candidate.path}; HF_TOKEN is set`);
  } catch (error) {
    if (!(error instanceof DatasetError) || !HUB_FAILURES.has(error.code)) throw error;
    if (!mayUseDemo) {
      throw new DatasetError({
        code: error.code,
        message: `dataset "${dataset}" not found: ${lookedAt(candidate, dataDir)}; and on the Hub (${hub.repo}): ${error.message}`,
        cause: error,
      });
    }
    return openDemo(
      options,
      `no local file ${candidate.path} and the Hub failed (${error.code}: ${error.message}); using the bundled demo set`,
    );
  }
}
