const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  ENOENT: "no such file or directory",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EEXIST: "it already exists",
  ENOTEMPTY: "the directory is not empty",
  EMFILE: "too many open files",
  ENAMETOOLONG: "the name is too long",
  EBUSY: "it is busy",
  ELOOP: "too many symbolic links",
  EIO: "input/output error",
  EFBIG: "file too large",
};

/** The plain words for a file-system error code (`ENOSPC` → "no space left on the device"), if known. */
export function systemErrorReason(code: string): string | undefined {
  return REASONS[code];
}

const ACTIONS: Record<string, string> = {
  open: "open",
  mkdir: "create the directory",
  write: "write",
  read: "read",
  rename: "rename",
  unlink: "remove",
  rmdir: "remove the directory",
  scandir: "list the directory",
  stat: "read",
  lstat: "read",
  realpath: "resolve",
  copyfile: "copy",
  access: "access",
  mkdtemp: "create a temporary directory in",
  fsync: "write",
  ftruncate: "write",
};

/** Options of {@link systemErrorText}. */
export interface SystemErrorTextOptions {
  /** The path to name when the error carries none (a read from an already open stream). */
  path?: string;
}

/**
 * One line for a Node.js file-system error (`EACCES`, `EROFS`, `ENOSPC`, `EISDIR`, …) that names the
 * action and the path: `cannot create the directory /ro/out: permission denied (EACCES)`. Undefined for
 * anything else, so callers fall back to the error's own message.
 */
export function systemErrorText(error: unknown, options: SystemErrorTextOptions = {}): string | undefined {
  if (error === null || typeof error !== "object") return undefined;
  const { code, syscall, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const path = (error as NodeJS.ErrnoException).path ?? options.path;
  if (typeof code !== "string" || !(code in REASONS)) return undefined;
  const action = (typeof syscall === "string" && ACTIONS[syscall]) || "use";
  const target = typeof path === "string" ? ` ${path}${typeof dest === "string" ? ` to ${dest}` : ""}` : "";
  return `cannot ${action}${target}: ${REASONS[code]} (${code})`;
}
