import { existsSync } from "node:fs";
import Database from "libsql";
import { DATASET_ERROR_CODES, DatasetError } from "../dataset-error.js";
import { FLOW_INDEX_FORMAT, type IndexedFlow } from "./flow-index-schema.js";

export interface OpenFlowIndexOptions {
  path: string;
}

/** Where a dataset row sits in its capture's time line. */
export interface IndexedPosition {
  capture: string;
  ts: number;
  hash: string;
}

/** What every query needs: the capture, a strict upper bound on time, the flow to leave out. */
export interface FlowQueryScope {
  capture: string;
  /** Only flows strictly before this time (seconds) are returned: nothing from the future. */
  before: number;
  /**
   * Only flows that started at or after this time (seconds); default: the whole capture before
   * `before`. A row of a time-block split sets it to the end of the previous split's block, so its
   * tools never show a flow of another split.
   */
  from?: number;
  /** Content hash of the classified flow; flows with it are left out. */
  excludeHash: string;
  /** Most flows returned (newest first). */
  limit: number;
}

export interface HostFlowsQuery extends FlowQueryScope {
  /** Originator address (`id.orig_h`). */
  host: string;
}

export interface ResponderFlowsQuery extends FlowQueryScope {
  /** Responder address (`id.resp_h`); with `port`, both must match. */
  address?: string;
  /** Responder port (`id.resp_p`). */
  port?: number;
}

/** A read-only flow index (see `createFlowIndexWriter`). */
export interface FlowIndex {
  readonly path: string;
  /** Flows in the index. */
  readonly size: number;
  /** The capture, time and hash of the flow at `file:line`, or `undefined` when it is not indexed. */
  position(location: { file: string; line: number }): IndexedPosition | undefined;
  /** Flows the host originated before the scope's time, newest first. */
  recentFlowsOfHost(query: HostFlowsQuery): IndexedFlow[];
  /** Flows to a responder address and/or port before the scope's time, newest first. */
  flowsToResponder(query: ResponderFlowsQuery): IndexedFlow[];
  close(): void;
}

/** The query with its lower time bound always set (SQLite needs every named parameter bound). */
function withFrom<T extends FlowQueryScope>(query: T): T & { from: number } {
  return { ...query, from: query.from ?? -Number.MAX_VALUE };
}

const COLUMNS = `capture, ts, orig_h AS origH, orig_p AS origP, resp_h AS respH, resp_p AS respP, proto,
  hash, file, line, text`;
const ORDER = "ORDER BY ts DESC, file DESC, line DESC LIMIT @limit";

type Row = Record<string, unknown>;

/**
 * A flow of a result row, column by column: libsql's rows carry an extra `_metadata` property, which must
 * never reach a caller (a tool answer is JSON of these objects).
 */
function toFlow(row: Row): IndexedFlow {
  return {
    capture: row.capture as string,
    ts: row.ts as number,
    origH: row.origH as string | null,
    origP: row.origP as number | null,
    respH: row.respH as string | null,
    respP: row.respP as number | null,
    proto: row.proto as string | null,
    hash: row.hash as string,
    file: row.file as string,
    line: row.line as number,
    text: row.text as string,
  };
}

const toFlows = (rows: unknown[]): IndexedFlow[] => rows.map((row) => toFlow(row as Row));

function toPosition(row: unknown): IndexedPosition | undefined {
  if (row === undefined || row === null) return undefined;
  const { capture, ts, hash } = row as Row;
  return { capture: capture as string, ts: ts as number, hash: hash as string };
}

function fail(message: string, cause?: unknown): never {
  throw new DatasetError({ code: DATASET_ERROR_CODES.notFound, message, cause });
}

/**
 * Open a flow index read-only. Throws `DatasetError` when the file is missing, is not SQLite or is not a
 * flow index of this format.
 */
export function openFlowIndex(options: OpenFlowIndexOptions): FlowIndex {
  const { path } = options;
  if (!existsSync(path)) {
    fail(`flow index ${path} not found (build it with \`pnpm build-data --flow-index\`)`);
  }
  let database: Database.Database;
  let size: number;
  try {
    // The file is known to exist (libsql would create a missing one even read-only).
    database = new Database(path, { readonly: true });
    const format = database.prepare("SELECT value FROM index_info WHERE key = 'format'").get() as
      | { value: string }
      | undefined;
    if (format?.value !== FLOW_INDEX_FORMAT) {
      database.close();
      fail(`${path} is not a flow index of format ${FLOW_INDEX_FORMAT} (found ${format?.value ?? "none"})`);
    }
    size = (database.prepare("SELECT count(*) AS n FROM flows").get() as { n: number }).n;
  } catch (error) {
    if (DatasetError.isInstance(error)) throw error;
    fail(`${path} is not a readable flow index: ${error instanceof Error ? error.message : error}`, error);
  }
  const position = database.prepare(
    "SELECT capture, ts, hash FROM flows WHERE file = @file AND line = @line LIMIT 1",
  );
  const byHost = database.prepare(
    `SELECT ${COLUMNS} FROM flows WHERE capture = @capture AND orig_h = @host AND ts < @before
     AND ts >= @from AND hash <> @excludeHash ${ORDER}`,
  );
  const byAddress = database.prepare(
    `SELECT ${COLUMNS} FROM flows WHERE capture = @capture AND resp_h = @address AND ts < @before
     AND ts >= @from AND hash <> @excludeHash ${ORDER}`,
  );
  const byPort = database.prepare(
    `SELECT ${COLUMNS} FROM flows WHERE capture = @capture AND resp_p = @port AND ts < @before
     AND ts >= @from AND hash <> @excludeHash ${ORDER}`,
  );
  const byBoth = database.prepare(
    `SELECT ${COLUMNS} FROM flows WHERE capture = @capture AND resp_h = @address AND resp_p = @port
     AND ts < @before AND ts >= @from AND hash <> @excludeHash ${ORDER}`,
  );
  return {
    path,
    size,
    position: (location) => toPosition(position.get(location)),
    recentFlowsOfHost: (query) => toFlows(byHost.all(withFrom(query))),
    flowsToResponder(query) {
      const { address, port, ...scope } = withFrom(query);
      if (address !== undefined && port !== undefined) {
        return toFlows(byBoth.all({ ...scope, address, port }));
      }
      if (address !== undefined) return toFlows(byAddress.all({ ...scope, address }));
      if (port !== undefined) return toFlows(byPort.all({ ...scope, port }));
      throw new DatasetError({
        code: DATASET_ERROR_CODES.invalidOptions,
        message: "flowsToResponder needs an address, a port or both",
      });
    },
    close: () => database.close(),
  };
}
