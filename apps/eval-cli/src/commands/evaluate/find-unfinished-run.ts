import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RunMetadata } from "../../run-output/run-metadata.js";
import { modelRunsDirectory } from "../../run-output/run-paths.js";

/** Options of {@link findUnfinishedRun}. */
export interface FindUnfinishedRunOptions {
  /** `--output-dir` (absolute); runs are in its `evals/` folder. */
  outputDir: string;
  envId: string;
  model: string;
  /** With `-r` given: only runs with that many rollouts per example (as vf-eval matches). */
  rolloutsPerExample?: number;
}

function readRun(dir: string): RunMetadata | undefined {
  try {
    const value = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8")) as RunMetadata;
    return value !== null && typeof value === "object" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `--resume` with no path: the newest run of this env and model whose metadata.json says it did not
 * finish (`running` or `stopped`), newest by `started_at`, then by modification time. Folders without
 * metadata.json never started and are passed over. Undefined when there is none.
 */
export function findUnfinishedRun(options: FindUnfinishedRunOptions): string | undefined {
  const parent = modelRunsDirectory({
    outputDir: options.outputDir,
    envId: options.envId,
    model: options.model,
  });
  if (!existsSync(parent)) return undefined;
  const candidates: { dir: string; started: number; modified: number }[] = [];
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(parent, entry.name);
    const metadata = readRun(dir);
    if (!metadata || metadata.status === "complete") continue;
    if (metadata.env_id !== options.envId || metadata.model !== options.model) continue;
    if (
      options.rolloutsPerExample !== undefined &&
      metadata.rollouts_per_example !== options.rolloutsPerExample
    )
      continue;
    const started = Date.parse(metadata.started_at);
    candidates.push({
      dir,
      started: Number.isNaN(started) ? 0 : started,
      modified: statSync(join(dir, "metadata.json")).mtimeMs,
    });
  }
  candidates.sort((a, b) => b.started - a.started || b.modified - a.modified || (a.dir < b.dir ? 1 : -1));
  return candidates[0]?.dir;
}
