import { readdir, stat } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";

/** An input file and the name it carries into `meta.file` and the manifest. */
export interface InputFile {
  path: string;
  /** `<root's base name>/<path below the root>` with `/` separators, so outputs do not depend on where the data lives. */
  displayName: string;
}

export interface FindInputFilesOptions {
  /** Files or directories (searched recursively). */
  roots: readonly string[];
}

async function walk(directory: string, found: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.isFile()) found.push(path);
  }
}

/** Every file under the roots, sorted by display name (then path), so read order never depends on argv order. */
export async function findInputFiles(options: FindInputFilesOptions): Promise<InputFile[]> {
  const files = new Map<string, InputFile>();
  for (const root of options.roots) {
    const info = await stat(root);
    if (info.isFile()) {
      files.set(root, { path: root, displayName: basename(root) });
      continue;
    }
    const found: string[] = [];
    await walk(root, found);
    for (const path of found) {
      const below = relative(root, path).split(sep).join("/");
      files.set(path, { path, displayName: `${basename(root)}/${below}` });
    }
  }
  return [...files.values()].sort((left, right) =>
    left.displayName === right.displayName
      ? left.path < right.path
        ? -1
        : 1
      : left.displayName < right.displayName
        ? -1
        : 1,
  );
}
