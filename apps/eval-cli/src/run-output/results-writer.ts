import { closeSync, openSync, writeSync } from "node:fs";

/** Appends results.jsonl lines; each event-loop turn's lines go out in one write. */
export interface ResultsWriter {
  write(record: unknown): void;
  /** Write what is buffered now (also done on every turn of the event loop). */
  flush(): void;
  close(): void;
}

/**
 * Open `path` for appending. Lines are batched per event-loop turn (one `write` for all rollouts that
 * finished in that turn), so a crash loses at most the rollouts of the current turn.
 */
export function openResultsWriter(path: string): ResultsWriter {
  const descriptor = openSync(path, "a");
  let buffer = "";
  let scheduled = false;
  let closed = false;
  const flush = () => {
    scheduled = false;
    if (!buffer) return;
    const chunk = buffer;
    buffer = "";
    writeSync(descriptor, chunk);
  };
  return {
    write(record) {
      if (closed) throw new Error(`results writer for ${path} is closed`);
      buffer += `${JSON.stringify(record)}\n`;
      if (buffer.length >= 1 << 20) flush();
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
      closeSync(descriptor);
    },
  };
}
