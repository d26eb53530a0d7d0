import { parquetWriteBuffer } from "hyparquet-writer";

const text = { type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" } as const;
const META_KEYS = ["source", "scenario", "attack_family", "hash", "split"] as const;

/** The row fields {@link rowsToParquet} writes (structurally an `@sv/dataset` `Row`). */
export interface ParquetFixtureRow {
  question: string;
  answer: string;
  meta: Record<string, unknown>;
}

export interface RowsToParquetOptions {
  /** Write `meta.*` columns instead of a `meta` struct (the original's OOD splits). */
  flat?: boolean;
}

/**
 * The Python original's Hub layout as `datasets.push_to_hub` writes it: `question`, ClassLabel `answer`
 * (INT64 0 = Benign, 1 = Malicious) and a `meta` struct; or, with `flat`, `meta.*` columns.
 */
export function rowsToParquet(
  rows: readonly ParquetFixtureRow[],
  options: RowsToParquetOptions = {},
): ArrayBuffer {
  const question = { name: "question", data: rows.map((row) => row.question) };
  const answer = { name: "answer", data: rows.map((row) => BigInt(row.answer === "Malicious" ? 1 : 0)) };
  const metaValue = (row: ParquetFixtureRow, key: (typeof META_KEYS)[number]) =>
    (row.meta[key] as string | undefined) ?? null;
  if (options.flat) {
    const columns = META_KEYS.map((key) => ({
      name: `meta.${key}`,
      data: rows.map((row) => metaValue(row, key)),
    }));
    return parquetWriteBuffer({
      columnData: [question, answer, ...columns],
      schema: [
        { name: "root", num_children: 2 + META_KEYS.length },
        { name: "question", ...text },
        { name: "answer", type: "INT64", repetition_type: "OPTIONAL" },
        ...META_KEYS.map((key) => ({ name: `meta.${key}`, ...text })),
      ],
    });
  }
  const meta = {
    name: "meta",
    data: rows.map((row) => Object.fromEntries(META_KEYS.map((key) => [key, metaValue(row, key)]))),
  };
  return parquetWriteBuffer({
    columnData: [question, answer, meta],
    schema: [
      { name: "root", num_children: 3 },
      { name: "question", ...text },
      { name: "answer", type: "INT64", repetition_type: "OPTIONAL" },
      { name: "meta", num_children: META_KEYS.length, repetition_type: "OPTIONAL" },
      ...META_KEYS.map((key) => ({ name: key, ...text })),
    ],
  });
}
