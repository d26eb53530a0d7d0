import { CLI_ERROR_CODES, CliError } from "../cli-error.js";

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  ENOENT: "no such file or folder",
  ELOOP: "too many levels of symbolic links",
  EIO: "input/output error",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  ENAMETOOLONG: "name too long",
};

export interface FileSystemErrorOptions {
  /** The file or folder, as the user gave it or as found below a root. */
  path: string;
  /** What failed, e.g. `cannot read`, `cannot list`. */
  action: string;
  /** The file system's error (its `code`, e.g. `EACCES`, picks the wording). */
  error?: unknown;
  /** The reason, when there is no error object. */
  reason?: string;
}

/** The file system error code of an error (`EACCES`, …), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * A {@link CliError} for an input that cannot be read: one line naming the file, e.g.
 * `data/x.log: cannot read: permission denied (EACCES)`, never a stack trace.
 */
export function fileSystemError(options: FileSystemErrorOptions): CliError {
  const code = errnoCode(options.error);
  const reason =
    options.reason ??
    (code !== undefined && REASONS[code] !== undefined
      ? `${REASONS[code]} (${code})`
      : options.error instanceof Error
        ? options.error.message
        : String(options.error));
  return new CliError({
    code: CLI_ERROR_CODES.noInput,
    message: `${options.path}: ${options.action}: ${reason}`,
    ...(options.error !== undefined ? { cause: options.error } : {}),
  });
}
