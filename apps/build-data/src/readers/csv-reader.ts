import type { Flow } from "@sv/dataset";
import { addContextStats } from "../context/context-options.js";
import { HostContext } from "../context/host-context.js";
import { scanLines } from "../io/scan-lines.js";
import { splitCsvLine } from "../io/split-csv-line.js";
import type { FileReport, ReaderContext } from "./file-report.js";
import { offerMapped } from "./offer-mapped.js";
import type { Cell } from "./record-values.js";
import type { MapperFactory, TabularMapper } from "./tabular-mapper.js";
import { textFileReport } from "./text-file-report.js";

export interface ReadCsvOptions extends ReaderContext {
  mapper: MapperFactory;
  scenario: string;
  /** Column names for files whose first line is already a record (e.g. raw UNSW-NB15), else undefined. */
  headerless?: (cells: readonly string[]) => readonly string[] | undefined;
}

/** A CSV whose header matched no known layout: the file is reported and nothing is read from it. */
export class UnrecognisedLayout extends Error {}

/**
 * Read a CSV (plain or `.gz`; BOM, CRLF and quoted cells allowed) through a {@link MapperFactory}: the
 * header picks the layout, each record is mapped, and records that fail are counted with file:line.
 */
export async function readCsv(options: ReadCsvOptions): Promise<FileReport> {
  const { displayName, skips, scenario } = options;
  let mapper: TabularMapper | undefined;
  let layoutError: string | undefined;
  let rows = 0;
  let skipped = 0;
  let cells: string[] = [];
  const hosts = options.context ? new HostContext<Flow>(options.context.options) : undefined;
  const get = (position: number | undefined): Cell => (position === undefined ? undefined : cells[position]);
  const skip = (reason: string, line: number, detail?: string): void => {
    skipped++;
    skips.add(reason, `${displayName}:${line}`, detail);
  };
  const record = (line: number): void => {
    rows++;
    if (mapper!.columns !== undefined && cells.length !== mapper!.columns) {
      skip("wrong number of columns", line, `${cells.length} columns, expected ${mapper!.columns}`);
      return;
    }
    const mapped = mapper!.map(get);
    if ("skip" in mapped) {
      skip(mapped.skip, line, mapped.detail);
      return;
    }
    const outcome = offerMapped(options, scenario, mapped, line, hosts);
    if (typeof outcome === "object") skip(outcome.skip, line, outcome.detail);
  };
  const result = await scanLines({
    path: options.path,
    onOverlong: (line) => skip("line too long", line),
    onDamagedGzip: (line, message) => skip("truncated or corrupt gzip (rest of file lost)", line, message),
    onLine: (buffer, start, end, line) => {
      if (layoutError !== undefined || start === end) return;
      cells = splitCsvLine(buffer.toString("utf8", start, end));
      if (mapper === undefined) {
        const names = options.headerless?.(cells);
        const made = options.mapper(names ?? cells);
        if (typeof made === "string") {
          layoutError = made;
          return;
        }
        mapper = made;
        if (names !== undefined) record(line);
        return;
      }
      record(line);
    },
  });
  if (hosts) addContextStats(options.context!.stats, hosts.stats());
  if (layoutError !== undefined) throw new UnrecognisedLayout(`${displayName}: ${layoutError}`);
  return textFileReport({ context: options, format: mapper?.format ?? "empty", result, rows, skipped });
}
