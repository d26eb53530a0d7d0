import {
  createRowSelector,
  DATASET_ERROR_CODES,
  DatasetError,
  type DatasetOrigin,
  type HubOptions,
  openDataset,
  type Row,
} from "@sv/dataset";
import { REQUEST_ERROR_CODES, RequestError } from "../server/request-error.js";
import { availableDatasets } from "./available-datasets.js";
import type { PromptsQuery } from "./prompts-query.js";

/** Where the prompts of a request come from. */
export interface OpenPromptsOptions {
  query: PromptsQuery;
  /** The server's data directory (`--data-dir`, `$SV_DATA_DIR`, `./data/e1`). */
  dataDir: string;
  hub?: HubOptions;
  /** The bundled demo file (default: found above `@sv/dataset`). */
  demoPath?: string;
  signal?: AbortSignal;
}

/** A dataset opened and checked: its origin, the split served and the selected rows. */
export interface OpenedPrompts {
  origin: DatasetOrigin;
  /** The split served (`all` for every row). */
  split: string;
  rows: AsyncIterable<Row>;
}

const HUB_FAILURES = new Set<string>([
  DATASET_ERROR_CODES.hubAuth,
  DATASET_ERROR_CODES.hubGated,
  DATASET_ERROR_CODES.hubNotFound,
  DATASET_ERROR_CODES.hubUnavailable,
]);

function toRequestError(error: DatasetError, dataDir: string): RequestError {
  if (error.code === DATASET_ERROR_CODES.notFound) {
    return new RequestError({
      statusCode: 404,
      code: REQUEST_ERROR_CODES.datasetNotFound,
      message: `${error.message}; available: ${availableDatasets(dataDir).join(", ")}`,
      issues: [{ path: "dataset", message: error.message }],
    });
  }
  if (HUB_FAILURES.has(error.code)) {
    return new RequestError({
      statusCode: 502,
      code: REQUEST_ERROR_CODES.datasetUnavailable,
      message: error.message,
    });
  }
  if (error.code === DATASET_ERROR_CODES.invalidRow) {
    // The server's own data is broken: not the request's fault, so not a 4xx.
    return new RequestError({
      statusCode: 500,
      code: REQUEST_ERROR_CODES.datasetInvalid,
      message: error.message,
    });
  }
  return new RequestError({
    statusCode: 400,
    code: REQUEST_ERROR_CODES.invalidRequest,
    message: error.message,
  });
}

function splitNotFound(split: string, dataset: string, seen: Set<string>): RequestError {
  const splits = [...seen].sort();
  return new RequestError({
    statusCode: 404,
    code: REQUEST_ERROR_CODES.splitNotFound,
    message: `split "${split}" not in dataset "${dataset}"; its splits: ${splits.length > 0 ? splits.join(", ") : "(none: the rows have no meta.split)"}, or all`,
    issues: [{ path: "split", message: `not in dataset "${dataset}"` }],
  });
}

async function* prepend(first: Row, rest: AsyncIterator<Row>): AsyncGenerator<Row> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* filterSplit(rows: AsyncIterable<Row>, split: string, seen: Set<string>): AsyncGenerator<Row> {
  for await (const row of rows) {
    if (row.meta.split !== undefined) seen.add(String(row.meta.split));
    if (split === "all" || row.meta.split === split) yield row;
  }
}

/**
 * Open a dataset by `pnpm eval`'s loader tiers and select its rows (split, seeded shuffle, limit)
 * the way `loadDataset` does. Everything that can make the request fail happens before this
 * resolves: an unknown dataset is a 404 naming the datasets there are, an explicit split no row has
 * is a 404 naming the splits there are. With an explicit split, no seed and no limit, rows stream as
 * read; a limit draws `pnpm eval -n`'s seeded, label-stratified sample.
 */
export async function openPrompts(options: OpenPromptsOptions): Promise<OpenedPrompts> {
  const { query } = options;
  let opened: Awaited<ReturnType<typeof openDataset>>;
  try {
    opened = await openDataset({
      dataset: query.dataset,
      source: query.source,
      dataDir: options.dataDir,
      hub: options.hub,
      demoPath: options.demoPath,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DatasetError) throw toRequestError(error, options.dataDir);
    throw error;
  }
  const { rows, ...origin } = opened;
  const seen = new Set<string>();
  const split = query.split;
  try {
    if (split !== undefined && query.seed === undefined && query.limit === undefined) {
      const matching = filterSplit(rows, split, seen)[Symbol.asyncIterator]();
      const first = await matching.next();
      if (first.done && split === "all") return { origin, split, rows: arrayRows([]) };
      if (first.done) throw splitNotFound(split, origin.name, seen);
      return { origin, split, rows: prepend(first.value, matching) };
    }
    const selector = createRowSelector({ split, seed: query.seed, maxExamples: query.limit });
    for await (const row of rows) {
      if (row.meta.split !== undefined) seen.add(String(row.meta.split));
      if (!selector.add(row)) break;
    }
    const selected = selector.finish();
    if (split !== undefined && split !== "all" && !seen.has(split)) {
      throw splitNotFound(split, origin.name, seen);
    }
    return { origin, split: selected.split, rows: arrayRows(selected.rows) };
  } catch (error) {
    if (error instanceof DatasetError) throw toRequestError(error, options.dataDir);
    throw error;
  }
}

async function* arrayRows(rows: Row[]): AsyncGenerator<Row> {
  yield* rows;
}
