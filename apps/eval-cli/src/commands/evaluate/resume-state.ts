import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { CliError } from "../../cli-error.js";
import { compactResults } from "../../run-output/compact-results.js";
import type { RunFs } from "../../run-output/run-fs.js";
import type { RunMetadata } from "../../run-output/run-metadata.js";
import { runFiles } from "../../run-output/run-paths.js";

/** What `--resume` or `--retry-errors` found in a run directory. */
export interface ResumeState {
  metadata: RunMetadata;
  /** Rollouts to skip, as `example_id * rollouts_per_example + rollout_index`. */
  done: Set<number>;
  kept: number;
  /** Errored rollouts dropped so they run again (`--retry-errors`). */
  retried: number;
  /** Errored rollouts kept as results (`--resume`, as vf-eval). */
  keptErrors: number;
  /** Unreadable lines dropped (e.g. a torn last line). */
  invalid: number;
  /** Whether the last line was torn (and trimmed). */
  tornTail: boolean;
}

/**
 * Read metadata.json of a run directory; throws {@link CliError} naming the file. A folder without it was
 * stopped before its run started (nothing to resume), which the message says.
 */
export function readMetadata(runDir: string, flag = "--resume"): RunMetadata {
  const path = runFiles(runDir).metadata;
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) {
    throw new CliError({ exitCode: 2, message: `${flag} ${runDir}: no such run folder` });
  }
  if (!existsSync(path)) {
    const results = runFiles(runDir).results;
    const empty = !existsSync(results) || statSync(results).size === 0;
    const hint =
      readdirSync(runDir).length === 0 || empty ? "" : ` (it holds ${readdirSync(runDir).join(", ")})`;
    throw new CliError({
      exitCode: 2,
      message: `${flag} ${runDir}: this run never started (it was stopped before writing ${path}${hint}); nothing to resume: start it again with the same flags (the same --run-id is fine)`,
    });
  }
  try {
    return JSON.parse(readFileSync(path, "utf8")) as RunMetadata;
  } catch (error) {
    throw new CliError({ exitCode: 2, message: `${path}: not valid JSON (${(error as Error).message})` });
  }
}

/** Options of {@link prepareResume}. */
export interface PrepareResumeOptions {
  runDir: string;
  metadata: RunMetadata;
  /** Drop errored rollouts so they run again (`--retry-errors`); else they stay, as in vf-eval. */
  retryErrors: boolean;
  fs?: RunFs;
}

/**
 * Prepare a run directory the caller holds the lock of: results.jsonl is compacted in place (a torn
 * last line trimmed, repeated and unreadable lines dropped, errored ones too with `retryErrors`) and
 * the set of rollouts to skip is returned.
 */
export function prepareResume(options: PrepareResumeOptions): ResumeState {
  const { metadata } = options;
  const outcome = compactResults({
    path: runFiles(options.runDir).results,
    rolloutsPerExample: metadata.rollouts_per_example,
    keepErrors: !options.retryErrors,
    fs: options.fs,
  });
  return {
    metadata,
    done: outcome.done,
    kept: outcome.kept - outcome.keptErrors,
    retried: outcome.retried,
    keptErrors: outcome.keptErrors,
    invalid: outcome.invalid,
    tornTail: outcome.tornTail,
  };
}
