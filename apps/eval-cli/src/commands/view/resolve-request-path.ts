import { realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";

/** Outcome of {@link resolveRequestPath}: a regular file inside the root, or an HTTP status. */
export type ResolvedPath =
  | { kind: "file"; path: string; size: number }
  | { kind: "error"; status: 400 | 403 | 404 };

/** Options of {@link resolveRequestPath}. */
export interface ResolveRequestPathOptions {
  /** The served directory, already resolved with `realpath`. */
  root: string;
  /** The raw request target, e.g. `/a/b%20c/report.html?x=1`. */
  target: string;
}

/**
 * Map a request target to a file under the root, refusing anything that could leave it: every
 * segment is percent-decoded on its own and must not be `.`/`..`, hidden, or contain a slash,
 * backslash or NUL (so encoded `..%2f` and `%2e%2e` fail too); the real path after following
 * symlinks must still lie inside the root. Only regular files are served.
 */
export async function resolveRequestPath(options: ResolveRequestPathOptions): Promise<ResolvedPath> {
  const pathname = options.target.split(/[?#]/, 1)[0] ?? "";
  if (!pathname.startsWith("/")) return { kind: "error", status: 400 };
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split("/")) {
    if (raw === "") continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: "error", status: 400 };
    }
    if (segment === "." || segment === ".." || /[/\\\0]/.test(segment)) return { kind: "error", status: 400 };
    if (segment.startsWith(".")) return { kind: "error", status: 403 };
    segments.push(segment);
  }
  let real: string;
  try {
    real = await realpath(join(options.root, ...segments));
  } catch {
    return { kind: "error", status: 404 };
  }
  if (
    real !== options.root &&
    !real.startsWith(options.root.endsWith(sep) ? options.root : options.root + sep)
  ) {
    return { kind: "error", status: 403 };
  }
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { kind: "error", status: 404 };
  return { kind: "file", path: real, size: info.size };
}
