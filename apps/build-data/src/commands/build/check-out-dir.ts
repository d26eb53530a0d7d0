import { accessSync, constants, type Stats, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CLI_ERROR_CODES, CliError } from "../../cli-error.js";

function usage(message: string): CliError {
  return new CliError({ code: CLI_ERROR_CODES.usage, exitCode: 2, message });
}

/** The path's stats, or undefined when it does not exist (also when a parent is a file). */
function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}

function isWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuse an `--out` that cannot hold a build before any input is read: a path naming an existing file,
 * a folder that cannot be written, or a missing folder whose nearest existing parent is a file or
 * cannot be written. One line naming the path.
 */
export function checkOutDir(out: string): void {
  const target = resolve(out);
  const stats = statIfAny(target);
  if (stats && !stats.isDirectory()) throw usage(`--out ${out} is an existing file, not a folder`);
  if (stats) {
    if (!isWritable(target)) throw usage(`--out ${out}: the folder cannot be written (permission denied)`);
    return;
  }
  let parent = dirname(target);
  while (true) {
    const parentStats = statIfAny(parent);
    if (parentStats) {
      if (!parentStats.isDirectory()) {
        throw usage(`--out ${out} cannot be created: ${parent} is a file, not a folder`);
      }
      if (!isWritable(parent)) {
        throw usage(`--out ${out} cannot be created: ${parent} cannot be written (permission denied)`);
      }
      return;
    }
    const next = dirname(parent);
    if (next === parent) return;
    parent = next;
  }
}
