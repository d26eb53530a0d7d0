import type { ScanLinesResult } from "../io/scan-lines.js";
import { isGzipPath } from "../io/read-chunks.js";
import type { FileReport, ReaderContext } from "./file-report.js";

export interface TextFileReportOptions {
  context: Pick<ReaderContext, "path" | "displayName">;
  format: string;
  result: ScanLinesResult;
  rows: number;
  skipped: number;
}

/** What was unusual about a text file itself, in words for the manifest and the data card. */
export function textFileNotes(path: string, result: ScanLinesResult): string[] {
  const notes: string[] = [];
  if (result.bom) notes.push("starts with a UTF-8 byte order mark (removed)");
  if (isGzipPath(path) && !result.gzip) notes.push("named .gz but not gzip-compressed: read as plain text");
  if (!isGzipPath(path) && result.gzip) notes.push("gzip-compressed but not named .gz: gunzipped");
  return notes;
}

/** The {@link FileReport} of a text file read with `scanLines`. */
export function textFileReport(options: TextFileReportOptions): FileReport {
  const { context, result } = options;
  const notes = textFileNotes(context.path, result);
  return {
    file: context.displayName,
    format: options.format,
    bytes: result.bytes,
    sha256: result.sha256,
    rows: options.rows,
    skipped: options.skipped,
    invalid_utf8_lines: result.invalidUtf8Lines,
    ...(result.firstInvalidUtf8Line !== undefined
      ? { first_invalid_utf8: `${context.displayName}:${result.firstInvalidUtf8Line}` }
      : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
