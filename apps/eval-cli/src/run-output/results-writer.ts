import { nodeRunFs, type RunFs, writeFully } from "./run-fs.js";

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
 * A failed write (full disk, I/O error) never leaves half a line: the file is cut back to its last
 * complete line, the error is kept in `failure` and handed to `onError` (never thrown from the
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
  const fail = (error: unknown) => {
    failure = error instanceof Error ? error : new Error(String(error));
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
    try {
      writeFully(runFs, descriptor, chunk, null);
      committed += chunk.length;
      written += lines.length;
    } catch (error) {
      fail(error);
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
