import { hashFile } from "./hash-file.js";
import { isZlibError, readChunks } from "./read-chunks.js";

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
  /**
   * A `.gz` whose stream breaks off or is corrupt: called once with the number the next line would have
   * had and zlib's message; the partial line before the break is dropped and scanning stops there.
   * Without this handler the zlib error is thrown.
   */
  onDamagedGzip?: (line: number, message: string) => void;
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
  const scan = (chunk: Buffer): void => {
    let position = 0;
    if (carry !== null) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) {
        if (!overlong) carry = Buffer.concat([carry, chunk]);
        if (carry.length > maxLineBytes) {
          overlong = true;
          carry = Buffer.alloc(0);
        }
        return;
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
  };
  try {
    for await (const chunk of readChunks(path, options.chunkBytes ?? 1 << 20)) scan(chunk);
  } catch (error) {
    if (!isZlibError(error) || options.onDamagedGzip === undefined) throw error;
    options.onDamagedGzip(line + 1, (error as Error).message);
    carry = null;
    overlong = false;
  }
  // `carry` is set inside `scan`, which the compiler's narrowing does not follow.
  const rest = carry as Buffer | null;
  if (rest !== null && (rest.length > 0 || overlong)) emit(rest, 0, rest.length);
  const { bytes, sha256 } = await hashing;
  return { bytes, sha256, lines: line };
}
