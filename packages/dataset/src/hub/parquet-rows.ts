import { parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { DATASET_ERROR_CODES, DatasetError } from "../dataset-error.js";
import { parseRow, type Row } from "../row-schema.js";

const ROW_KEYS = new Set(["question", "prompt", "answer", "meta"]);

function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  return value;
}

function metaFrom(record: Record<string, unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  const nested = record.meta;
  if (nested && typeof nested === "object" && !Array.isArray(nested)) {
    for (const [key, value] of Object.entries(nested)) if (value != null) meta[key] = plain(value);
  }
  // Flattened exports: `meta.source`, `meta_source` or plain `source` columns.
  for (const [column, value] of Object.entries(record)) {
    if (ROW_KEYS.has(column) || column.startsWith("__") || value == null) continue;
    const key = column.replace(/^meta[._]/, "");
    if (!(key in meta)) meta[key] = plain(value);
  }
  if (typeof meta.source !== "string") meta.source = "hub";
  return meta;
}

/** One Parquet record (Hub layout: `question`, ClassLabel `answer` 0/1, struct or flattened `meta`) as a row value. */
export function recordToRowValue(record: Record<string, unknown>): unknown {
  return {
    question: record.question ?? record.prompt,
    answer: plain(record.answer),
    meta: metaFrom(record),
  };
}

/**
 * Read the rows of a Parquet file (snappy, zstd, gzip, brotli, lz4). Rows are validated like JSONL rows;
 * an invalid one throws naming `file:row`.
 */
export async function parquetRows(buffer: ArrayBuffer, file: string): Promise<Row[]> {
  let records: Record<string, unknown>[];
  try {
    records = await parquetReadObjects({ file: buffer, compressors });
  } catch (error) {
    throw new DatasetError({
      code: DATASET_ERROR_CODES.invalidRow,
      message: `${file}: not a readable Parquet file (${(error as Error).message})`,
      cause: error,
    });
  }
  return records.map((record, index) => parseRow(recordToRowValue(record), { file, line: index + 1 }));
}
