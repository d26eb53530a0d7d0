import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { CLI_ERROR_CODES, CliError } from "../cli-error.js";
import { type BuildRecord, isBuildRecord } from "./build-record.js";
import { type BuildMode, buildOutputNames, buildRecordFileName } from "./dataset-names.js";
import { isProcessAlive, listOutSiblings, normaliseOut, siblingPath } from "./staging.js";

async function readRecord(dir: string, mode: BuildMode): Promise<BuildRecord | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(join(dir, buildRecordFileName(mode)), "utf8"));
    return isBuildRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function swapMode(dir: string): Promise<BuildMode | undefined> {
  for (const mode of ["full", "test"] as const)
    if (existsSync(join(dir, buildRecordFileName(mode)))) return mode;
  return undefined;
}

/**
 * Move a complete build from its swap folder into `out`: first the previous build's files that the
 * new one does not have are removed, then each new file is renamed over the old one, the build record
 * last. Every step can be repeated, so a run killed half-way is finished by {@link finishInterruptedInstalls}.
 * Files in `out` that belong to no build of this mode are never touched.
 */
async function rollForward(swap: string, out: string): Promise<void> {
  const mode = await swapMode(swap);
  if (mode === undefined) {
    // Nothing recorded: the swap folder was emptied by a finished install.
    await rm(swap, { recursive: true, force: true });
    return;
  }
  const record = await readRecord(swap, mode);
  if (record === undefined)
    throw new CliError({
      code: CLI_ERROR_CODES.install,
      message: `${swap}: unreadable ${buildRecordFileName(mode)}; remove that folder (the build in ${out} is unchanged or partly replaced: run build-data again)`,
    });
  await mkdir(out, { recursive: true });
  const recordName = buildRecordFileName(mode);
  const incoming = new Set(record.files.map((file) => file.name));
  const previous = await readRecord(out, mode);
  const previousNames = previous
    ? [...previous.files.map((file) => file.name), recordName]
    : buildOutputNames(mode).filter((name) => existsSync(join(out, name)));
  for (const name of previousNames) {
    if (!incoming.has(name) && name !== recordName) await rm(join(out, name), { force: true });
  }
  for (const name of incoming) {
    if (existsSync(join(swap, name))) await rename(join(swap, name), join(out, name));
  }
  await rename(join(swap, recordName), join(out, recordName));
  await rm(swap, { recursive: true, force: true });
}

export interface InstallBuildOptions {
  out: string;
  /** A complete staged build, with its build record written last. */
  staging: string;
}

/**
 * Swap a complete staged build into `out`. Renaming the staging folder to `<out>.swap-<pid>` marks
 * it complete; until then the previous build in `out` is untouched.
 */
export async function installBuild(options: InstallBuildOptions): Promise<void> {
  const out = normaliseOut(options.out);
  const swap = siblingPath(out, "swap", process.pid);
  await rm(swap, { recursive: true, force: true });
  await rename(options.staging, swap);
  await rollForward(swap, out);
}

/** Finish installs that a killed build left half-done (their builds were complete); returns their folders. */
export async function finishInterruptedInstalls(out: string): Promise<string[]> {
  const finished: string[] = [];
  for (const sibling of await listOutSiblings(out)) {
    if (sibling.kind !== "swap" || sibling.pid === process.pid || isProcessAlive(sibling.pid)) continue;
    await rollForward(sibling.path, normaliseOut(out));
    finished.push(sibling.path);
  }
  return finished;
}
