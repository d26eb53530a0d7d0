import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { hashFile } from "./hash-file.js";

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Called for one line, without its `\n` or `\r\n`. The buffer is only valid during the call. */
export type LineHandler = (buffer: Buffer, start: number, end: number, line: number) => void;

export interface ScanLinesOptions {
  path: string;
  onLine: LineHandler;
  /** Lines longer than this are not passed to `onLine` but to `onOverlong` (default 1 MiB). */
  maxLineBytes?: number;
  onOverlong?: (line: number) => void;
  /** Read size (default 1 MiB). */
  chunkBytes?: number;
}

/** What {@link scanLines} saw of the file itself. */
export interface ScanLinesResult {
  /** Size of the file on disk (compressed size for `.gz`). */
  bytes: number;
  /** SHA-256 of the file's bytes on disk, hex. */
  sha256: string;
  lines: number;
}

/** Whether a path names a gzip file (by its `.gz` suffix). */
export function isGzipPath(path: string): boolean {
  return path.toLowerCase().endsWith(".gz");
}

/**
 * Stream a file (gunzipped on the fly when it ends in `.gz`) and call `onLine` for each line, scanning
 * Buffer chunks for `\n` without decoding them. A final line without a newline is still delivered; a
 * trailing `\r` is stripped. Memory stays flat: one chunk plus at most one partial line.
 */
export async function scanLines(options: ScanLinesOptions): Promise<ScanLinesResult> {
  const { path, onLine } = options;
  const maxLineBytes = options.maxLineBytes ?? 1 << 20;
  // The file's SHA-256 is computed on a worker thread while this thread parses.
  const hashing = hashFile(path);
  hashing.catch(() => undefined);
  const raw = createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 });
  let source: Readable = raw;
  if (isGzipPath(path)) {
    source = raw.pipe(createGunzip());
    raw.on("error", (error) => source.destroy(error));
  }
  let line = 0;
  let carry: Buffer | null = null;
  let overlong = false;
  const emit = (buffer: Buffer, start: number, end: number): void => {
    line++;
    if (overlong) {
      overlong = false;
      options.onOverlong?.(line);
      return;
    }
    const stop = end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
    onLine(buffer, start, stop, line);
  };
  for await (const value of source) {
    const chunk = value as Buffer;
    let position = 0;
    if (carry !== null) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) {
        if (!overlong) carry = Buffer.concat([carry, chunk]);
        if (carry.length > maxLineBytes) {
          overlong = true;
          carry = Buffer.alloc(0);
        }
        continue;
      }
      const joined: Buffer = overlong ? Buffer.alloc(0) : Buffer.concat([carry, chunk.subarray(0, newline)]);
      carry = null;
      emit(joined, 0, joined.length);
      position = newline + 1;
    }
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, position);
      if (newline < 0) break;
      emit(chunk, position, newline);
      position = newline + 1;
    }
    if (position < chunk.length) {
      carry = Buffer.from(chunk.subarray(position));
      if (carry.length > maxLineBytes) {
        overlong = true;
        carry = Buffer.alloc(0);
      }
    }
  }
  if (carry !== null && (carry.length > 0 || overlong)) emit(carry, 0, carry.length);
  const { bytes, sha256 } = await hashing;
  return { bytes, sha256, lines: line };
}
