import { isUtf8 } from "node:buffer";
import { isZlibError, openChunks } from "./read-chunks.js";

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BOM = [0xef, 0xbb, 0xbf] as const;

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
  /** Files at least this big are hashed on a helper thread (default 64 MiB; see `openChunks`). */
  offThreadHashBytes?: number;
}

/** What {@link scanLines} saw of the file itself. */
export interface ScanLinesResult {
  /** Size of the file on disk (compressed size for `.gz`). */
  bytes: number;
  /** SHA-256 of the file's bytes on disk, hex. */
  sha256: string;
  lines: number;
  /** Whether the bytes were gunzipped (they start with the gzip magic `1f 8b`, whatever the name). */
  gzip: boolean;
  /** Whether the text started with a UTF-8 byte order mark (removed before line 1 was passed on). */
  bom: boolean;
  /** Lines (overlong ones excepted) that are not valid UTF-8; they are still passed to `onLine`. */
  invalidUtf8Lines: number;
  /** The first of them, if any. */
  firstInvalidUtf8Line?: number;
}

function startsWithBom(buffer: Buffer, start: number, end: number): boolean {
  return (
    end - start >= 3 &&
    buffer[start] === BOM[0] &&
    buffer[start + 1] === BOM[1] &&
    buffer[start + 2] === BOM[2]
  );
}

/**
 * Stream a file (gunzipped on the fly when it starts with the gzip magic number) and call `onLine` for
 * each line, scanning Buffer chunks for `\n` without decoding them. A leading UTF-8 byte order mark is
 * removed, a final line without a newline is still delivered, a trailing `\r` is stripped, and lines
 * that are not valid UTF-8 are counted (one validity check per chunk; per line only in a chunk that
 * fails it). The file's SHA-256 comes from the same reads. Memory stays flat: one chunk plus at most
 * one partial line.
 */
export async function scanLines(options: ScanLinesOptions): Promise<ScanLinesResult> {
  const { path, onLine } = options;
  const maxLineBytes = options.maxLineBytes ?? 1 << 20;
  const opened = await openChunks({
    path,
    chunkBytes: options.chunkBytes ?? 1 << 20,
    ...(options.offThreadHashBytes !== undefined ? { offThreadHashBytes: options.offThreadHashBytes } : {}),
  });
  let line = 0;
  let carry: Buffer | null = null;
  let overlong = false;
  let bom = false;
  let invalidUtf8Lines = 0;
  let firstInvalidUtf8Line: number | undefined;
  const emit = (buffer: Buffer, start: number, end: number, checkUtf8: boolean): void => {
    line++;
    if (overlong) {
      overlong = false;
      options.onOverlong?.(line);
      return;
    }
    if (checkUtf8 && !isUtf8(buffer.subarray(start, end))) {
      invalidUtf8Lines++;
      firstInvalidUtf8Line ??= line;
    }
    let first = start;
    if (line === 1 && startsWithBom(buffer, start, end)) {
      bom = true;
      first += 3;
    }
    const stop = end > first && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
    onLine(buffer, first, stop, line);
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
      emit(joined, 0, joined.length, true);
      position = newline + 1;
    }
    // `\n` is never part of a multi-byte sequence, so whole lines of a valid run are valid.
    const last = chunk.lastIndexOf(NEWLINE);
    const suspect = last > position && !isUtf8(chunk.subarray(position, last));
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, position);
      if (newline < 0) break;
      emit(chunk, position, newline, suspect);
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
    try {
      for await (const chunk of opened.chunks) scan(chunk);
    } catch (error) {
      if (!isZlibError(error) || options.onDamagedGzip === undefined) throw error;
      options.onDamagedGzip(line + 1, (error as Error).message);
      carry = null;
      overlong = false;
    }
    // `carry` is set inside `scan`, which the compiler's narrowing does not follow.
    const rest = carry as Buffer | null;
    if (rest !== null && (rest.length > 0 || overlong)) emit(rest, 0, rest.length, true);
  } catch (error) {
    await opened.close();
    throw error;
  }
  const { bytes, sha256 } = await opened.finish();
  return {
    bytes,
    sha256,
    lines: line,
    gzip: opened.gzip,
    bom,
    invalidUtf8Lines,
    ...(firstInvalidUtf8Line !== undefined ? { firstInvalidUtf8Line } : {}),
  };
}
