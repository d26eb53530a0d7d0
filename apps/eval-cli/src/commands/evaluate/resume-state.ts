import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { CliError } from "../../cli-error.js";
import { readResults } from "../../run-output/read-results.js";
import { toResultRow } from "../../run-output/result-row.js";
import type { RunMetadata } from "../../run-output/run-metadata.js";
import { runFiles } from "../../run-output/run-paths.js";

/** What `--resume` found in a run directory. */
export interface ResumeState {
  metadata: RunMetadata;
  /** Rollouts already done without error, as `example_id * rollouts_per_example + rollout_index`. */
  done: Set<number>;
  kept: number;
  /** Errored rollouts dropped so they run again. */
  retried: number;
  /** Unreadable lines dropped (e.g. a torn last line). */
  invalid: number;
}

/** Read metadata.json of a run directory; throws {@link CliError} naming the file. */
export function readMetadata(runDir: string): RunMetadata {
  const path = runFiles(runDir).metadata;
  if (!existsSync(path)) throw new CliError({ exitCode: 2, message: `--resume ${runDir}: no ${path}` });
  try {
    return JSON.parse(readFileSync(path, "utf8")) as RunMetadata;
  } catch (error) {
    throw new CliError({ exitCode: 2, message: `${path}: not valid JSON (${(error as Error).message})` });
  }
}

/**
 * Prepare a run directory for `--resume`: keep each rollout done without error once, drop errored and
 * torn lines (rewriting results.jsonl atomically), and return the set of rollouts to skip.
 */
export async function prepareResume(runDir: string): Promise<ResumeState> {
  const metadata = readMetadata(runDir);
  const path = runFiles(runDir).results;
  const done = new Set<number>();
  let retried = 0;
  let invalid = 0;
  const kept: string[] = [];
  let keptCount = 0;
  const temporary = `${path}.resume.tmp`;
  await writeFile(temporary, "");
  const flush = () => {
    if (kept.length) appendFileSync(temporary, kept.join(""));
    kept.length = 0;
  };
  for await (const result of readResults(path, { onInvalidLine: () => invalid++ })) {
    const key = result.example_id * metadata.rollouts_per_example + result.rollout_index;
    if (result.error) {
      retried++;
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    keptCount++;
    kept.push(`${JSON.stringify(toResultRow(result))}\n`);
    if (kept.length >= 1000) flush();
  }
  flush();
  await rename(temporary, path);
  return { metadata, done, kept: keptCount, retried, invalid };
}
