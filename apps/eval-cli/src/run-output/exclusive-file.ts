import { randomBytes } from "node:crypto";
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { fsErrorCode } from "./fs-error.js";

/** Create `path` holding `text`, atomically and only if it does not exist; false if it does. */
export function createExclusive(path: string, text: string): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temporary, text);
  try {
    // A hard link appears with its whole content at once, so no reader ever sees an empty lock.
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = fsErrorCode(error);
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  // No hard links on this file system: O_EXCL create, then write.
  let descriptor: number;
  try {
    descriptor = openSync(path, "wx");
  } catch (error) {
    if (fsErrorCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(descriptor, text);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

/**
 * Move a stale lock out of the way. Renaming is atomic, so of two processes breaking the same stale lock
 * one gets it; if what was moved turns out to be a fresh lock (another process broke and retook it in
 * between), it is put back.
 */
export function breakStale(path: string, staleText: string): void {
  const moved = `${path}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    renameSync(path, moved);
  } catch (error) {
    if (fsErrorCode(error) === "ENOENT") return;
    throw error;
  }
  try {
    if (readFileSync(moved, "utf8") !== staleText) {
      try {
        linkSync(moved, path);
      } catch {
        // Someone else holds it now; the retry reads their lock.
      }
    }
  } finally {
    rmSync(moved, { force: true });
  }
}
