import type { Dirent, Stats } from "node:fs";
import { constants } from "node:fs";
import { access, readdir, realpath, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { errnoCode, fileSystemError } from "./file-system-error.js";

/** An input file and the name it carries into `meta.file` and the manifest. */
export interface InputFile {
  path: string;
  /** `<root's base name>/<path below the root>` with `/` separators, so outputs do not depend on where the data lives. */
  displayName: string;
  /**
   * Why the file is listed but not read: it is the same file as an earlier one (reached through a
   * symbolic or hard link, `..`, or given twice), a broken link, or not a regular file.
   */
  ignored?: string;
}

export interface FindInputFilesOptions {
  /** Files or directories (searched recursively, following symbolic links). */
  roots: readonly string[];
  /**
   * Directory names that start a display name: a root below such a directory is named from it, so
   * `…/CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled` given directly is shown as
   * `CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled`, as when its capture folder is given.
   */
  anchor?: RegExp;
}

interface Found {
  path: string;
  displayName: string;
  info?: Stats;
  ignored?: string;
}

/** The display name of a root: its base name, or its path from the nearest anchor directory above it. */
function rootName(root: string, anchor: RegExp | undefined): string {
  const absolute = resolve(root);
  const own = basename(absolute);
  if (anchor === undefined || anchor.test(own)) return own;
  for (let directory = dirname(absolute); directory !== dirname(directory); directory = dirname(directory)) {
    if (anchor.test(basename(directory))) return relative(dirname(directory), absolute).split(sep).join("/");
  }
  return own;
}

async function statOrFail(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw fileSystemError({ error, path, action: "cannot read" });
  }
}

/** `stat` of a symbolic link's target; undefined when the link is broken. */
async function statLinkTarget(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return undefined;
    throw fileSystemError({ error, path, action: "cannot read" });
  }
}

/** Walk a directory; `ancestors` holds the directories above (device:inode), to stop at link loops. */
async function walk(
  directory: string,
  name: string,
  ancestors: ReadonlySet<string>,
  found: Found[],
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    throw fileSystemError({ error, path: directory, action: "cannot list" });
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(directory, entry.name);
    const displayName = `${name}/${entry.name}`;
    const info = entry.isSymbolicLink() ? await statLinkTarget(path) : undefined;
    if (entry.isSymbolicLink() && info === undefined) {
      found.push({ path, displayName, ignored: "broken symbolic link" });
    } else if (entry.isDirectory() || info?.isDirectory()) {
      const key = identity(info ?? (await statOrFail(path)));
      if (ancestors.has(key))
        found.push({ path, displayName, ignored: "symbolic link loop (a folder above it)" });
      else await walk(path, displayName, new Set([...ancestors, key]), found);
    } else if (entry.isFile() || info?.isFile()) found.push({ path, displayName, ...(info ? { info } : {}) });
    else found.push({ path, displayName, ignored: "not a regular file" });
  }
}

function identity(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

function compareFound(left: Found, right: Found): number {
  if (left.displayName !== right.displayName) return left.displayName < right.displayName ? -1 : 1;
  return left.path < right.path ? -1 : left.path > right.path ? 1 : 0;
}

/**
 * Every file under the roots, sorted by display name (then path), so read order never depends on argv
 * order. A file reached twice (symbolic or hard link, `a/../a/x`, overlapping roots, the same path given
 * twice) is read once, under its first name in that order; the others are listed with `ignored`. A
 * file or folder that cannot be read fails with one line naming it ({@link CliError}).
 */
export async function findInputFiles(options: FindInputFilesOptions): Promise<InputFile[]> {
  const found: Found[] = [];
  for (const root of options.roots) {
    const info = await statOrFail(root);
    const name = rootName(root, options.anchor);
    if (info.isFile()) found.push({ path: root, displayName: name, info });
    else if (info.isDirectory()) await walk(root, name, new Set([identity(info)]), found);
    else throw fileSystemError({ path: root, action: "cannot read", reason: "not a regular file or folder" });
  }
  found.sort(compareFound);
  const firstName = new Map<string, string>();
  const files: InputFile[] = [];
  for (const entry of found) {
    const { path, displayName } = entry;
    if (entry.ignored !== undefined) {
      files.push({ path, displayName, ignored: entry.ignored });
      continue;
    }
    const info = entry.info ?? (await statOrFail(path));
    // Inode 0 means the file system has none to offer: fall back to the resolved path.
    const key = info.ino !== 0 ? identity(info) : await realpath(path);
    const first = firstName.get(key);
    if (first !== undefined) {
      files.push({ path, displayName, ignored: `same file as ${first}` });
      continue;
    }
    firstName.set(key, displayName);
    try {
      await access(path, constants.R_OK);
    } catch (error) {
      throw fileSystemError({ error, path, action: "cannot read" });
    }
    files.push({ path, displayName });
  }
  return files;
}
