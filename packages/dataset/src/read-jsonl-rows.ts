import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { DATASET_ERROR_CODES, DatasetError } from "./dataset-error.js";
import { parseRow, type Row } from "./row-schema.js";

/**
 * Stream the rows of a JSONL file, one validated row per non-blank line. A bad line throws a
 * {@link DatasetError} naming `file:line`; rows before it have already been yielded.
 */
export async function* readJsonlRows(
  path: string,
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<Row> {
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
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new DatasetError({
          code: DATASET_ERROR_CODES.invalidRow,
          message: `${path}:${lineNumber}: not valid JSON (${(error as Error).message})`,
          cause: error,
        });
      }
      yield parseRow(value, { file: path, line: lineNumber });
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
