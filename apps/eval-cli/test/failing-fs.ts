import { nodeRunFs, type RunFs } from "../src/run-output/run-fs.js";

/** Options of {@link failingFs}. */
export interface FailingFsOptions {
  /** Bytes that may still be written (results lines and whole files together); then writes fail. */
  budget: number;
  /** The error code writes fail with (default ENOSPC). */
  code?: string;
  /** Only writes to paths matching this fail; others always succeed (default: every write counts). */
  only?: RegExp;
}

/** A {@link RunFs} with a quota, as a disk that fills up: the write that crosses it is cut short. */
export interface FailingFs extends RunFs {
  /** Writes refused so far. */
  readonly failures: number;
}

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: injected failure, write`), { code, errno: -28, syscall: "write" });
}

/**
 * The real file system with a byte quota: the write that would cross it writes what fits (a short write,
 * as a full disk does) and every later write throws `code`.
 */
export function failingFs(options: FailingFsOptions): FailingFs {
  let left = options.budget;
  let failures = 0;
  const paths = new Map<number, string>();
  const counts = (path: string | undefined) =>
    !options.only || (path !== undefined && options.only.test(path));
  const code = options.code ?? "ENOSPC";
  return {
    ...nodeRunFs,
    openSync(path, flags) {
      const descriptor = nodeRunFs.openSync(path, flags);
      paths.set(descriptor, path);
      return descriptor;
    },
    closeSync(descriptor) {
      paths.delete(descriptor);
      nodeRunFs.closeSync(descriptor);
    },
    writeSync(descriptor, buffer, offset, length, position) {
      if (!counts(paths.get(descriptor)))
        return nodeRunFs.writeSync(descriptor, buffer, offset, length, position);
      if (left <= 0) {
        failures++;
        throw fsError(code);
      }
      const allowed = Math.min(length, left);
      const written = nodeRunFs.writeSync(descriptor, buffer, offset, allowed, position);
      left -= written;
      return written;
    },
    async writeFile(path, contents) {
      if (!counts(path)) return nodeRunFs.writeFile(path, contents);
      const bytes = Buffer.byteLength(contents);
      if (bytes > left) {
        failures++;
        // A full disk leaves the created file empty or short.
        await nodeRunFs.writeFile(path, "");
        throw fsError(code);
      }
      left -= bytes;
      return nodeRunFs.writeFile(path, contents);
    },
    get failures() {
      return failures;
    },
  };
}
