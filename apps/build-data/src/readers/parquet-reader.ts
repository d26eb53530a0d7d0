import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { UnrecognisedLayout } from "./csv-reader.js";
import type { FileReport, ReaderContext } from "./file-report.js";
import { offerMapped } from "./offer-mapped.js";
import type { Cell } from "./record-values.js";
import type { MapperFactory } from "./tabular-mapper.js";

export interface ReadParquetOptions extends ReaderContext {
  mapper: MapperFactory;
  scenario: string;
  /** Rows decoded at a time (default 50,000), to bound memory. */
  batchRows?: number;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Read a Parquet file (e.g. a Hub copy) in row batches through a {@link MapperFactory}; "line" is the 1-based row. */
export async function readParquet(options: ReadParquetOptions): Promise<FileReport> {
  const { displayName, skips, scenario } = options;
  const file = await asyncBufferFromFile(options.path);
  const metadata = await parquetMetadataAsync(file);
  const names = parquetSchema(metadata).children.map((child) => child.element.name);
  const mapper = options.mapper(names);
  if (typeof mapper === "string") throw new UnrecognisedLayout(`${displayName}: ${mapper}`);
  const total = Number(metadata.num_rows);
  const batch = options.batchRows ?? 50_000;
  let skipped = 0;
  let row: Record<string, Cell> = {};
  const get = (position: number | undefined): Cell =>
    position === undefined ? undefined : row[names[position]!];
  for (let rowStart = 0; rowStart < total; rowStart += batch) {
    const rowEnd = Math.min(total, rowStart + batch);
    const records = (await parquetReadObjects({ file, compressors, rowStart, rowEnd })) as Record<
      string,
      Cell
    >[];
    records.forEach((record, offset) => {
      row = record;
      const line = rowStart + offset + 1;
      const mapped = mapper.map(get);
      if ("skip" in mapped) {
        skipped++;
        skips.add(mapped.skip, `${displayName}:row ${line}`, mapped.detail);
        return;
      }
      const outcome = offerMapped(options, scenario, mapped, line);
      if (typeof outcome === "object") {
        skipped++;
        skips.add(outcome.skip, `${displayName}:row ${line}`, outcome.detail);
      }
    });
  }
  const { size } = await stat(options.path);
  return {
    file: displayName,
    format: `${mapper.format}-parquet`,
    bytes: size,
    sha256: await sha256File(options.path),
    rows: total,
    skipped,
  };
}
