import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { hashFile } from "./hash-file.js";
import { RawReader } from "./raw-reader.js";

/** Whether a path names a gzip file (by its `.gz` suffix). */
export function isGzipPath(path: string): boolean {
  return path.toLowerCase().endsWith(".gz");
}

/** Whether bytes start with the gzip magic number `1f 8b`. */
export function hasGzipMagic(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Size and SHA-256 of the bytes of a file on disk. */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

export interface OpenChunksOptions {
  path: string;
  /** Read size (the gunzipped chunks are at most 64 KiB). */
  chunkBytes: number;
  /**
   * Files at least this big are hashed on a helper thread that reads the file a second time, so the
   * parse of one big file does not wait for SHA-256; smaller ones are hashed in the read pass (default
   * 64 MiB: a helper thread costs ~50 ms to start, which is what hashing ~64 MiB in line costs).
   */
  offThreadHashBytes?: number;
}

/** A file opened for one streaming pass. */
export interface FileChunks {
  /** Whether the content is gzip-compressed (by its magic bytes, whatever the name says). */
  gzip: boolean;
  /** The file's bytes, gunzipped when `gzip`. A chunk is only valid until the next one is requested. */
  chunks: AsyncIterable<Buffer>;
  /**
   * Read (and hash) whatever the pass left unread, e.g. after a corrupt gzip stream, close the file and
   * return the size and SHA-256 of all of its bytes. Call once, after the pass.
   */
  finish(): Promise<FileDigest>;
  /** Close the file without a digest (after an error). */
  close(): Promise<void>;
}

const DEFAULT_OFF_THREAD_HASH_BYTES = 64 * 1024 * 1024;

/**
 * Plain bytes through two reused buffers: the next read runs while the caller works on the current
 * chunk. `first` is the first chunk, read into `firstBuffer`; the second buffer is made only when a
 * second read is due, so a small file costs one small buffer.
 */
async function* plainChunks(
  reader: RawReader,
  first: Buffer | undefined,
  firstBuffer: Buffer,
  chunkBytes: number,
): AsyncGenerator<Buffer> {
  const buffers: [Buffer, Buffer | undefined] = [firstBuffer, undefined];
  let current = first;
  for (let turn = 1; current !== undefined; turn ^= 1) {
    if (!reader.ended) buffers[turn] ??= Buffer.allocUnsafe(chunkBytes);
    const pending = reader.ended ? Promise.resolve(undefined) : reader.next(buffers[turn]!);
    // Handled here so that a caller that stops early leaves no unhandled rejection behind.
    pending.catch(() => undefined);
    yield current;
    current = await pending;
  }
}

/** The first chunk, then raw chunks in fresh buffers (zlib may hold on to what it is given). */
async function* rawCopies(reader: RawReader, first: Buffer, chunkBytes: number): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const chunk = await reader.next(Buffer.allocUnsafe(chunkBytes));
    if (chunk === undefined) return;
    yield chunk;
  }
}

/**
 * Open a file for one streaming pass: plain bytes, or gunzipped when it starts with the gzip magic
 * number; its SHA-256 comes from the same reads (or, for big files, from a helper thread).
 */
export async function openChunks(options: OpenChunksOptions): Promise<FileChunks> {
  const { path, chunkBytes } = options;
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const offThread = size >= (options.offThreadHashBytes ?? DEFAULT_OFF_THREAD_HASH_BYTES);
    const hashing = offThread ? hashFile(path) : undefined;
    hashing?.catch(() => undefined);
    const hash = offThread ? undefined : createHash("sha256");
    const reader = new RawReader(handle, hash, size);
    // One byte more than the file, so that a file read whole in one go needs no read to see its end.
    const firstBuffer = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, size + 1)));
    const first = await reader.next(firstBuffer);
    const gzip = first !== undefined && hasGzipMagic(first);
    let source: Readable | undefined;
    let chunks: AsyncIterable<Buffer>;
    if (gzip) {
      source = Readable.from(rawCopies(reader, first, chunkBytes), { objectMode: false });
      const gunzip = createGunzip({ chunkSize: Math.min(chunkBytes, 1 << 16) });
      source.on("error", (error) => gunzip.destroy(error));
      chunks = source.pipe(gunzip);
    } else chunks = plainChunks(reader, first, firstBuffer, chunkBytes);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      source?.destroy();
      await reader.idle();
      await handle.close();
    };
    return {
      gzip,
      chunks,
      close,
      finish: async () => {
        try {
          if (hashing) return await hashing;
          await reader.drain(chunkBytes);
          return { bytes: reader.bytes, sha256: hash!.digest("hex") };
        } finally {
          await close();
        }
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Whether an error comes from zlib (a damaged or truncated `.gz`), not from the file system. */
export function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}
