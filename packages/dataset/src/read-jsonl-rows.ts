import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { DATASET_ERROR_CODES, DatasetError } from "./dataset-error.js";
import type { Row } from "./row-schema.js";
import { rowsFromLines } from "./rows-from-lines.js";

/** Options of {@link readJsonlRows}. */
export interface ReadJsonlRowsOptions {
  signal?: AbortSignal;
}

/**
 * Stream the rows of a JSONL file, one validated row per non-blank line. A bad line throws a
 * {@link DatasetError} naming `file:line`; rows before it have already been yielded. Stopping the
 * iteration early closes the file.
 */
export async function* readJsonlRows(path: string, options: ReadJsonlRowsOptions = {}): AsyncGenerator<Row> {
  const stream = createReadStream(path, { encoding: "utf8", signal: options.signal });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", reject);
  });
  try {
    await opened;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError({
      code: DATASET_ERROR_CODES.notFound,
      message: `cannot read dataset file ${path}: ${code ?? (error as Error).message}`,
      cause: error,
    });
  }
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    yield* rowsFromLines(lines, path);
  } finally {
    lines.close();
    stream.destroy();
  }
}
