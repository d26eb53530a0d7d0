import { randomBytes } from "node:crypto";
import { nodeRunFs, type RunFs } from "./run-fs.js";

/** Suffix of the temp files {@link writeFileAtomic} writes (`<name>.<8 hex>.tmp`). */
export const ATOMIC_TEMP_PATTERN = /\.[0-9a-f]{8}\.tmp$/;

/** Options of {@link writeFileAtomic} beyond path and contents. */
export interface WriteFileAtomicOptions {
  /** File-system calls (tests inject failing writes). */
  fs?: RunFs;
}

/** Write a file atomically: a temp file beside it, then a rename, so readers never see half a file. */
export async function writeFileAtomic(
  path: string,
  contents: string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const runFs = options.fs ?? nodeRunFs;
  const temporary = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await runFs.writeFile(temporary, contents);
    await runFs.rename(temporary, path);
  } catch (error) {
    await runFs.rm(temporary).catch(() => {});
    throw error;
  }
}

/** JSON with two-space indent and a final newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
