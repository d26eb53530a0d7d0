import { DATASET_ERROR_CODES, DatasetError } from "./dataset-error.js";
import { parseRow, type Row } from "./row-schema.js";

/**
 * Validate JSONL lines into rows, skipping blank lines. A bad line throws a {@link DatasetError} naming
 * `file:line`; rows before it have already been yielded.
 */
export async function* rowsFromLines(lines: AsyncIterable<string>, file: string): AsyncGenerator<Row> {
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new DatasetError({
        code: DATASET_ERROR_CODES.invalidRow,
        message: `${file}:${lineNumber}: not valid JSON (${(error as Error).message})`,
        cause: error,
      });
    }
    yield parseRow(value, { file, line: lineNumber });
  }
}
