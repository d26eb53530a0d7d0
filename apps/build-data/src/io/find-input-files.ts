import type { Dirent, Stats } from "node:fs";
import { constants } from "node:fs";
import { access, readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { disambiguate, displayNameOf, type Found, type Root, rootOf } from "./display-names.js";
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
  where: { root: Root; below: string },
  ancestors: ReadonlySet<string>,
): Promise<Found[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    throw fileSystemError({ error, path: directory, action: "cannot list" });
  }
  // The entries' stats run concurrently: a folder of 10,000 small files should not wait on each in turn.
  const lists = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith("."))
      .map(async (entry): Promise<Found[]> => {
        const path = join(directory, entry.name);
        const below = where.below === "" ? entry.name : `${where.below}/${entry.name}`;
        const listed = { path, root: where.root, below };
        const info = entry.isSymbolicLink() ? await statLinkTarget(path) : undefined;
        if (entry.isSymbolicLink() && info === undefined)
          return [{ ...listed, ignored: "broken symbolic link" }];
        if (entry.isDirectory() || info?.isDirectory()) {
          const key = identity(info ?? (await statOrFail(path)));
          if (ancestors.has(key)) return [{ ...listed, ignored: "symbolic link loop (a folder above it)" }];
          return walk(path, listed, new Set([...ancestors, key]));
        }
        if (entry.isFile() || info?.isFile()) return [{ ...listed, key: await fileKey(path, info) }];
        return [{ ...listed, ignored: "not a regular file" }];
      }),
  );
  return lists.flat();
}

/** Fail, naming the first file in `paths` that this process may not read. */
async function checkReadable(paths: readonly string[]): Promise<void> {
  const checks = await Promise.allSettled(paths.map((path) => access(path, constants.R_OK)));
  const failed = checks.findIndex((check) => check.status === "rejected");
  if (failed >= 0) {
    const { reason } = checks[failed] as PromiseRejectedResult;
    throw fileSystemError({ error: reason, path: paths[failed]!, action: "cannot read" });
  }
}

function identity(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

/** What makes two paths the same file: device and inode, or (without an inode) the real path. */
async function fileKey(path: string, info: Stats | undefined): Promise<string> {
  const known = info ?? (await statOrFail(path));
  return known.ino !== 0 ? identity(known) : `real:${await realpath(path)}`;
}

function compareNamed(left: InputFile, right: InputFile): number {
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
  for (const path of options.roots) {
    const info = await statOrFail(path);
    const root = rootOf(path, options.anchor);
    if (info.isFile()) found.push({ path, root, below: "", key: await fileKey(path, info) });
    else if (info.isDirectory())
      found.push(...(await walk(path, { root, below: "" }, new Set([identity(info)]))));
    else throw fileSystemError({ path, action: "cannot read", reason: "not a regular file or folder" });
  }
  disambiguate(found);
  const named = found
    .map((entry) => ({ entry, path: entry.path, displayName: displayNameOf(entry) }))
    .sort(compareNamed);
  const firstName = new Map<string, string>();
  const files: InputFile[] = [];
  for (const { entry, path, displayName } of named) {
    if (entry.key === undefined) {
      files.push({ path, displayName, ignored: entry.ignored ?? "not a regular file" });
      continue;
    }
    const first = firstName.get(entry.key);
    if (first !== undefined) {
      files.push({ path, displayName, ignored: `same file as ${first}` });
      continue;
    }
    firstName.set(entry.key, displayName);
    files.push({ path, displayName });
  }
  await checkReadable(files.filter((file) => file.ignored === undefined).map((file) => file.path));
  return files;
}
