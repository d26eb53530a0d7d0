import { systemErrorReason } from "@sv/parser";

/** The `code` of a Node file-system error (`ENOSPC`, `EIO`, ...), if it has one. */
export function fsErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** One line for a failed write of `path`: `PATH: ENOSPC (no space left on the device)`. */
export function describeWriteError(path: string, error: unknown): string {
  const code = fsErrorCode(error);
  if (code) return `${path}: ${code} (${systemErrorReason(code) ?? (error as Error).message})`;
  return `${path}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Whether an error came from the file system (as opposed to a bug); such errors end a run cleanly. */
export function isFsError(error: unknown): boolean {
  const code = fsErrorCode(error);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}
