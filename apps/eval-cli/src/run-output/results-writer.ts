import { nodeRunFs, type RunFs } from "./run-fs.js";

/** Appends results.jsonl lines; each event-loop turn's lines go out in one write. */
export interface ResultsWriter {
  write(record: unknown): void;
  /** Write what is buffered now (also done on every turn of the event loop). */
  flush(): void;
  close(): void;
  /** The first write that failed (e.g. ENOSPC); after it, records are dropped and nothing is thrown. */
  readonly failure: Error | undefined;
  /** Records written in full (the file ends with a complete line after each). */
  readonly written: number;
}

/** Options of {@link openResultsWriter}. */
export interface OpenResultsWriterOptions {
  path: string;
  /** File-system calls (tests inject failing writes). */
  fs?: RunFs;
  /** Called once, with the first failed write, so the caller can stop the run. */
  onError?: (error: Error) => void;
}

/**
 * Open a results file for appending. Lines are batched per event-loop turn (one `write` for all
 * rollouts that finished in that turn), so a crash loses at most the rollouts of the current turn.
 * A failed write (full disk, I/O error) never leaves half a line: the whole lines that reached the disk
 * are kept and the file is cut back to the last of them, the error is kept in `failure` and handed to `onError` (never thrown from the
 * event loop), and later records are dropped.
 */
export function openResultsWriter(options: OpenResultsWriterOptions): ResultsWriter {
  const runFs = options.fs ?? nodeRunFs;
  const descriptor = runFs.openSync(options.path, "a");
  let committed = runFs.fstatSync(descriptor).size;
  let buffer: string[] = [];
  let pending = 0;
  let scheduled = false;
  let closed = false;
  let failure: Error | undefined;
  let written = 0;
  /** After a write failed with `landed` bytes of `chunk` on disk: keep its whole lines, cut the rest. */
  const fail = (error: unknown, chunk: Buffer, landed: number) => {
    failure = error instanceof Error ? error : new Error(String(error));
    const whole = chunk.subarray(0, landed).lastIndexOf(10) + 1;
    for (let index = 0; index < whole; index++) if (chunk[index] === 10) written++;
    committed += whole;
    try {
      runFs.ftruncateSync(descriptor, committed);
    } catch {
      // The cut-back failed too; --resume trims a torn last line.
    }
    options.onError?.(failure);
  };
  const flush = () => {
    scheduled = false;
    if (buffer.length === 0 || failure) return;
    const lines = buffer;
    buffer = [];
    pending = 0;
    const chunk = Buffer.from(lines.join(""), "utf8");
    let landed = 0;
    try {
      // Short writes are retried for the rest; a full disk throws on the retry.
      while (landed < chunk.length) {
        const count = runFs.writeSync(descriptor, chunk, landed, chunk.length - landed, null);
        if (count <= 0) throw Object.assign(new Error("write made no progress"), { code: "EIO" });
        landed += count;
      }
      committed += chunk.length;
      written += lines.length;
    } catch (error) {
      fail(error, chunk, landed);
    }
  };
  return {
    write(record) {
      if (closed) throw new Error(`results writer for ${options.path} is closed`);
      if (failure) return;
      const line = `${JSON.stringify(record)}\n`;
      buffer.push(line);
      pending += line.length;
      if (pending >= 1 << 20) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
    close() {
      if (closed) return;
      flush();
      closed = true;
      runFs.closeSync(descriptor);
    },
    get failure() {
      return failure;
    },
    get written() {
      return written;
    },
  };
}
