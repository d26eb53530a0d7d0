import { realpath } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { errnoCode, fileSystemError } from "../io/file-system-error.js";
import type { InputFile } from "../io/find-input-files.js";
import { type AttemptedPolicy, createCicMapper } from "./cic-mapper.js";
import { readCsv, UnrecognisedLayout } from "./csv-reader.js";
import type { FileReport, ReaderContext } from "./file-report.js";
import type { ReadParquetOptions } from "./parquet-reader.js";
import { createIot23HubMapper } from "./iot23-hub-mapper.js";
import { type Iot23Scenario, iot23Scenario } from "./iot23-scenario.js";
import type { SourceName } from "./source-name.js";
import { createUnswMapper } from "./unsw-mapper.js";
import { looksLikeUnswRawRecord, UNSW_RAW_COLUMNS } from "./unsw-raw-columns.js";
import { readZeekConn } from "./zeek-conn-reader.js";

export interface ReadSourceFileOptions extends Omit<ReaderContext, "path" | "displayName"> {
  source: SourceName;
  file: InputFile;
  attempted: AttemptedPolicy;
}

/** Why a file is not read at all (undefined: it is read). */
export function ignoreReason(source: SourceName, file: InputFile): string | undefined {
  const name = basename(file.path).toLowerCase();
  const tabular = /\.(csv|csv\.gz|parquet)$/.test(name);
  if (source === "iot23") {
    if (/\.labeled(\.gz)?$/.test(name) || /conn\.log/.test(name) || tabular) return undefined;
    return "not a conn.log.labeled, CSV or Parquet file";
  }
  if (!tabular) return "not a CSV or Parquet file";
  if (source === "unsw" && /features|list_events|_gt\b|gt\.csv/.test(name)) return "UNSW-NB15 metadata file";
  return undefined;
}

function stem(file: InputFile): string {
  return basename(file.path)
    .replace(/\.gz$/i, "")
    .replace(/\.(csv|parquet)$/i, "");
}

/**
 * Parquet support (hyparquet) is loaded only when a Parquet file is read. A file hyparquet cannot
 * decode (not Parquet, cut short) fails with one line naming it.
 */
async function readParquetLazily(options: ReadParquetOptions): Promise<FileReport> {
  const { readParquet } = await import("./parquet-reader.js");
  try {
    return await readParquet(options);
  } catch (error) {
    if (error instanceof UnrecognisedLayout || errnoCode(error) !== undefined) throw error;
    throw fileSystemError({
      error,
      path: options.path,
      action: "cannot read",
      reason: `not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`,
    });
  }
}

/** The IoT-23 scenario from the display name, else the path as given, else the real path (links resolved). */
async function scenarioOf(file: InputFile): Promise<Iot23Scenario> {
  const found = iot23Scenario(file.displayName, resolve(file.path));
  if (found.from === "path") return found;
  const real = await realpath(file.path).catch(() => undefined);
  return real === undefined ? found : iot23Scenario(file.displayName, real);
}

/** Read one input file of a source with the reader its name and header call for. */
export async function readSourceFile(options: ReadSourceFileOptions): Promise<FileReport> {
  const { source, file } = options;
  const context: ReaderContext = { ...options, path: file.path, displayName: file.displayName };
  const isParquet = file.path.toLowerCase().endsWith(".parquet");
  if (source === "iot23") {
    const found = await scenarioOf(file);
    if (!isParquet && !/\.csv(\.gz)?$/i.test(file.path)) return readZeekConn({ ...context, scenario: found });
    const { scenario } = found;
    const report = isParquet
      ? await readParquetLazily({ ...context, mapper: createIot23HubMapper, scenario })
      : await readCsv({ ...context, mapper: createIot23HubMapper, scenario });
    return { ...report, scenario, scenario_from: found.from };
  }
  const mapper = source === "cic" ? createCicMapper({ attempted: options.attempted }) : createUnswMapper;
  const scenario = stem(file);
  if (isParquet) return readParquetLazily({ ...context, mapper, scenario });
  return readCsv({
    ...context,
    mapper,
    scenario,
    ...(source === "unsw"
      ? {
          headerless: (cells: readonly string[]) =>
            looksLikeUnswRawRecord(cells) ? UNSW_RAW_COLUMNS : undefined,
        }
      : {}),
  });
}
