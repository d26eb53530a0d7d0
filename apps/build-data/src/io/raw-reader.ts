import type { Hash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";

/** Reads a file's raw bytes in order, hashing each chunk as it arrives (unless hashed elsewhere). */
export class RawReader {
  bytes = 0;
  ended = false;
  /** Reads run one after another, so the hash sees the bytes in file order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly handle: FileHandle,
    private readonly hash: Hash | undefined,
    /** The size `fstat` gave: a short read that reaches it is the end, which saves one read per file. */
    private readonly size: number,
  ) {}

  /** The next chunk read into `buffer` (a view of it), or undefined at the end of the file. */
  next(buffer: Buffer): Promise<Buffer | undefined> {
    const result = this.queue.then(() => this.read(buffer));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async read(buffer: Buffer): Promise<Buffer | undefined> {
    if (this.ended) return undefined;
    const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) {
      this.ended = true;
      return undefined;
    }
    const chunk = buffer.subarray(0, bytesRead);
    this.hash?.update(chunk);
    this.bytes += bytesRead;
    if (bytesRead < buffer.length && this.bytes >= this.size) this.ended = true;
    return chunk;
  }

  /** Resolves once no read is in flight. */
  async idle(): Promise<void> {
    await this.queue;
  }

  /** Read and hash the rest of the file. */
  async drain(chunkBytes: number): Promise<void> {
    await this.idle();
    if (this.ended) return;
    const buffer = Buffer.allocUnsafe(chunkBytes);
    while ((await this.next(buffer)) !== undefined);
  }
}
