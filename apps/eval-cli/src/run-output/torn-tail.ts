import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/**
 * Whether a results file ends in an unterminated line: what a run killed in the middle of a write
 * leaves (and `--resume` trims). False for a missing or empty file.
 */
export function endsWithTornLine(path: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(path, "r");
  } catch {
    return false;
  }
  try {
    const size = fstatSync(descriptor).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(descriptor, last, 0, 1, size - 1);
    return last[0] !== 10;
  } finally {
    closeSync(descriptor);
  }
}

/** The number of the last line of a file (newlines, plus one for an unterminated last line). */
export function lastLineNumber(path: string): number {
  const descriptor = openSync(path, "r");
  try {
    const chunk = Buffer.alloc(1 << 20);
    let lines = 0;
    let position = 0;
    let last = 10;
    for (let count = readSync(descriptor, chunk, 0, chunk.length, 0); count > 0; ) {
      for (let index = 0; index < count; index++) if (chunk[index] === 10) lines++;
      last = chunk[count - 1] ?? 10;
      position += count;
      count = readSync(descriptor, chunk, 0, chunk.length, position);
    }
    return last === 10 ? lines : lines + 1;
  } finally {
    closeSync(descriptor);
  }
}
