import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** Whether a path names a gzip file (by its `.gz` suffix). */
export function isGzipPath(path: string): boolean {
  return path.toLowerCase().endsWith(".gz");
}

/**
 * The bytes of a plain file in chunks read into two reused buffers (the next read runs while the
 * caller works on the current chunk), so reading allocates nothing per chunk. A chunk is only valid
 * until the next one is requested.
 */
async function* readPlainChunks(path: string, chunkBytes: number): AsyncGenerator<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)] as const;
    let turn = 0;
    let pending = handle.read(buffers[0], 0, chunkBytes, null);
    for (;;) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) return;
      turn ^= 1;
      pending = handle.read(buffers[turn]!, 0, chunkBytes, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The gunzipped bytes of a `.gz` file in chunks. */
function readGzipChunks(path: string, chunkBytes: number): AsyncIterable<Buffer> {
  const raw = createReadStream(path, { highWaterMark: chunkBytes });
  const source: Readable = raw.pipe(createGunzip({ chunkSize: Math.min(chunkBytes, 1 << 16) }));
  raw.on("error", (error) => source.destroy(error));
  return source as AsyncIterable<Buffer>;
}

/** A file's bytes (gunzipped on the fly when it ends in `.gz`) in chunks of at most `chunkBytes`. */
export function readChunks(path: string, chunkBytes: number): AsyncIterable<Buffer> {
  return isGzipPath(path) ? readGzipChunks(path, chunkBytes) : readPlainChunks(path, chunkBytes);
}

/** Whether an error comes from zlib (a damaged or truncated `.gz`), not from the file system. */
export function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}
