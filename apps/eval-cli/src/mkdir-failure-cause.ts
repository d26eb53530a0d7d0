import { accessSync, constants, statSync } from "node:fs";
import { dirname } from "node:path";

/** Options of {@link mkdirFailureCause}. */
export interface MkdirFailureCauseOptions {
  /** Throws when a folder cannot be written to (default: `access(W_OK)`); replaced in tests. */
  checkWritable?: (folder: string) => void;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? (error as NodeJS.ErrnoException).code : undefined;
}

function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function withCode(error: NodeJS.ErrnoException, code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${error.path}`), {
    code,
    syscall: error.syscall,
    path: error.path,
  });
}

/**
 * The real reason a recursive `mkdir` failed. Node reports `ENOENT` for a recursive `mkdir` under a
 * read-only file system, which reads as "no such file or directory" although the problem is the
 * nearest existing folder: this returns the same error with that folder's code (`EROFS`, `EACCES`,
 * `ENOTDIR`), or the error itself when it is not such a case. A folder that exists as a file is
 * `ENOTDIR` too (Node says `EEXIST`).
 */
export function mkdirFailureCause(error: unknown, options: MkdirFailureCauseOptions = {}): unknown {
  const failure = (error ?? {}) as NodeJS.ErrnoException;
  if (failure.code === "EEXIST" && failure.syscall === "mkdir" && typeof failure.path === "string") {
    // `--out` naming an existing file: "it already exists" would hide that a folder was wanted.
    return isFile(failure.path) ? withCode(failure, "ENOTDIR") : error;
  }
  if (failure.code !== "ENOENT" || failure.syscall !== "mkdir" || typeof failure.path !== "string") {
    return error;
  }
  const checkWritable = options.checkWritable ?? ((folder: string) => accessSync(folder, constants.W_OK));
  for (let folder = dirname(failure.path); ; folder = dirname(folder)) {
    try {
      if (!statSync(folder).isDirectory()) return withCode(failure, "ENOTDIR");
      checkWritable(folder);
      return error;
    } catch (cause) {
      const code = errnoCode(cause);
      if (code !== "ENOENT" && code !== undefined) return withCode(failure, code);
    }
    if (dirname(folder) === folder) return error;
  }
}
