import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";

/** Where a Hub file of one commit is kept in `cacheDir`, or undefined when it cannot be cached safely. */
export function hubCachePath(
  cacheDir: string,
  repo: string,
  revision: string,
  path: string,
): string | undefined {
  if (!/^[0-9a-f]{40}$/.test(revision)) return undefined;
  const root = resolve(cacheDir, `datasets--${repo.replaceAll("/", "--")}`, revision);
  const target = resolve(root, path);
  return target.startsWith(root + sep) ? target : undefined;
}

/** Read a cached file, or undefined when there is none. */
export async function readCached(path: string): Promise<ArrayBuffer | undefined> {
  try {
    const bytes = await readFile(path);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  } catch {
    return undefined;
  }
}

/** Write a file to the cache atomically (temporary file, then rename). */
export async function writeCached(path: string, bytes: ArrayBuffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${process.pid}.incomplete`);
  await writeFile(temporary, new Uint8Array(bytes));
  await rename(temporary, path);
}
