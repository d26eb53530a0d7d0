import { DATASET_ERROR_CODES, DatasetError } from "./dataset-error.js";
import { parseRow, type Row } from "./row-schema.js";

/**
 * Validate JSONL lines into rows, skipping blank lines and a UTF-8 byte-order mark before the first line
 * (editors on Windows write one). A bad line throws a {@link DatasetError} naming
 * `file:line`; rows before it have already been yielded.
 */
export async function* rowsFromLines(lines: AsyncIterable<string>, file: string): AsyncGenerator<Row> {
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const line = lineNumber === 1 && raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new DatasetError({
        code: DATASET_ERROR_CODES.invalidRow,
        message: line.startsWith("\uFEFF")
          ? `${file}:${lineNumber}: starts with a UTF-8 byte-order mark (U+FEFF) in the middle of the file (were files concatenated?)`
          : `${file}:${lineNumber}: not valid JSON (${(error as Error).message})`,
        cause: error,
      });
    }
    yield parseRow(value, { file, line: lineNumber });
  }
}
