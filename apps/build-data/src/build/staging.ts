import { mkdir, readdir, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/** Sibling folders of `--out` that a build uses: `<out>.staging-<pid>`, `<out>.swap-<pid>`. */
export type SiblingKind = "staging" | "swap";

/** A sibling folder of `--out` and the process that made it. */
export interface OutSibling {
  kind: SiblingKind;
  pid: number;
  path: string;
}

/** `--out` without a trailing separator, absolute (so its siblings are well defined). */
export function normaliseOut(out: string): string {
  return resolve(out);
}

/** The sibling folder of `out` of this kind for a process. */
export function siblingPath(out: string, kind: SiblingKind, pid: number): string {
  return `${normaliseOut(out)}.${kind}-${pid}`;
}

/** Where a rejected build (one that failed its own checks) is kept for inspection. */
export function rejectedPath(out: string): string {
  return `${normaliseOut(out)}.rejected`;
}

/** Whether a process is still running (a process we may not signal counts as running). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The staging and swap folders next to `out`, whoever made them. */
export async function listOutSiblings(out: string): Promise<OutSibling[]> {
  const absolute = normaliseOut(out);
  const parent = dirname(absolute);
  const prefix = `${basename(absolute)}.`;
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const siblings: OutSibling[] = [];
  for (const name of names.sort()) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(staging|swap)-(\d+)$/.exec(name.slice(prefix.length));
    if (!match) continue;
    siblings.push({ kind: match[1] as SiblingKind, pid: Number(match[2]), path: join(parent, name) });
  }
  return siblings;
}

/** Remove staging folders left by processes that are gone (a killed build). */
export async function removeStaleStaging(out: string): Promise<string[]> {
  const removed: string[] = [];
  for (const sibling of await listOutSiblings(out)) {
    if (sibling.kind !== "staging" || sibling.pid === process.pid || isProcessAlive(sibling.pid)) continue;
    await rm(sibling.path, { recursive: true, force: true });
    removed.push(sibling.path);
  }
  return removed;
}

/** Another running build's staging or swap folder for `out`, if any (one build per `--out` at a time). */
export async function findRunningBuild(out: string): Promise<OutSibling | undefined> {
  return (await listOutSiblings(out)).find(
    (sibling) => sibling.pid !== process.pid && isProcessAlive(sibling.pid),
  );
}

/** Create this process's staging folder next to `out` (same filesystem, so installing is renames). */
export async function createStaging(out: string): Promise<string> {
  const path = siblingPath(out, "staging", process.pid);
  await rm(path, { recursive: true, force: true });
  await mkdir(path, { recursive: true });
  return path;
}
