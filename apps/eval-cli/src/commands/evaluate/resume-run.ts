import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { EnvironmentOptions, SamplingArgs } from "@sv/env";
import { CliError } from "../../cli-error.js";
import { describeDatasetChange, fingerprintDataset } from "../../run-output/dataset-fingerprint.js";
import { describeWriteError, isFsError } from "../../run-output/fs-error.js";
import { toJsonText, writeFileAtomic } from "../../run-output/atomic-write.js";
import { acquireRunLock } from "../../run-output/run-lock.js";
import { runFiles } from "../../run-output/run-paths.js";
import { storableBaseUrl } from "../../run-output/stored-base-url.js";
import type { EvalFlags } from "./eval-flags.js";
import type { EvalIo } from "./eval-io.js";
import { checkResumeFlags } from "./resume-flags.js";
import { prepareResume, readMetadata } from "./resume-state.js";
import type { RunModelOutcome } from "./run-model.js";
import { runModel } from "./run-model.js";
import { hubSettings, resolveDataDir, setupEnvironment } from "./setup-environment.js";
import { shownPath } from "./shown-path.js";
import { resolveJudgeSettings } from "../../judge/judge-settings.js";
import { readRubricRecord } from "../../judge/rubric-record.js";

/** Options of {@link resumeRun}. */
export interface ResumeRunOptions {
  flags: EvalFlags;
  io: EvalIo;
  runDir: string;
  /** `--retry-errors`: re-run the errored rollouts of a finished run; else `--resume`: run what is missing. */
  retryErrors: boolean;
  /** Whether the user named the folder (else `--resume` found it by model). */
  pathGiven: boolean;
}

/**
 * `--resume` and `--retry-errors`: take the run folder's lock, check that the flags, the dataset (by its
 * fingerprint) and the endpoint are the run's own, prepare results.jsonl in place and run the rest.
 * Resolves to the outcome, or null when there was nothing to do.
 */
export async function resumeRun(options: ResumeRunOptions): Promise<RunModelOutcome | null> {
  const { flags, io, runDir } = options;
  const flagName = options.retryErrors ? "--retry-errors" : "--resume";
  const shown = shownPath(io.cwd, runDir);
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) {
    throw new CliError({ exitCode: 2, message: `${flagName} ${runDir}: no such run folder` });
  }
  const lock = acquireRunLock({ dir: runDir, now: io.now });
  try {
    const metadata = readMetadata(runDir, flagName);
    if (options.retryErrors && metadata.status !== "complete") {
      throw new CliError({
        exitCode: 2,
        message: `--retry-errors ${shown}: the run is not finished (status ${metadata.status}); finish it first with pnpm eval --resume ${shown}`,
      });
    }
    if (!options.retryErrors && metadata.status === "complete") {
      io.stderr.write(
        `${shown} is complete; nothing to resume` +
          (metadata.n_errors > 0
            ? ` (${metadata.n_errors} rollout(s) failed: re-run them with pnpm eval --retry-errors ${shown})\n`
            : "\n"),
      );
      return null;
    }
    const stored = { ...(metadata.env_options ?? metadata.env_args) } as Record<string, unknown>;
    checkResumeFlags({
      flags,
      metadata,
      environmentOptions: stored,
      pathGiven: options.pathGiven,
      cwd: io.cwd,
      flagName,
    });
    const fingerprint = metadata.dataset_fingerprint;
    // Load from the tier the run used: an `auto` run on the demo set stays on it after data/e1 is built.
    if (fingerprint && (stored.datasetSource === undefined || stored.datasetSource === "auto")) {
      stored.datasetSource = fingerprint.source;
    }
    if (flags.given?.has("dataDir")) stored.dataDir = resolveDataDir(flags, io);
    const hub = hubSettings(io.env);
    const environment = await setupEnvironment({
      ...(stored as EnvironmentOptions),
      ...(hub ? { hub } : {}),
    });
    const now = fingerprintDataset({
      dataset: environment.dataset,
      seed: fingerprint?.seed ?? metadata.seed ?? null,
    });
    const change = fingerprint ? describeDatasetChange({ recorded: fingerprint, current: now }) : undefined;
    if (change) {
      throw new CliError({
        exitCode: 2,
        message: `${flagName} ${shown}: the dataset differs from the one the run used: ${change}. A run keeps one dataset; start a new run for this one`,
      });
    }
    if (!fingerprint && environment.dataset.rows.length !== metadata.num_examples) {
      throw new CliError({
        exitCode: 2,
        message: `${shown}: the dataset now has ${environment.dataset.rows.length} examples, the run had ${metadata.num_examples}`,
      });
    }
    const leftOut = metadata.base_url_left_out ?? [];
    if (!flags.apiBaseUrl && leftOut.length > 0) {
      throw new CliError({
        exitCode: 2,
        message: `${flagName} ${shown}: the run's base URL had ${leftOut.join(" and ")}, which are never stored; pass it again with -b URL`,
      });
    }
    const givenUrl = flags.given?.has("apiBaseUrl") ? storableBaseUrl(flags.apiBaseUrl).url : null;
    if (givenUrl && metadata.base_url && givenUrl !== metadata.base_url) {
      io.stderr.write(`note: using the -b given now instead of the run's ${metadata.base_url}\n`);
    }
    if (environment.rubricMode === "executable" && (flags.judgeBaseUrl || flags.judgeApiKeyVar)) {
      throw new CliError({
        exitCode: 2,
        message: `${flagName} ${shown}: --judge-base-url / --judge-api-key-var: the run has no judge (rubric executable)`,
      });
    }
    // The run's own judge (flags that would change it were refused above); a missing key fails here,
    // before results.jsonl is touched.
    const judge = resolveJudgeSettings({
      mode: environment.rubricMode,
      weight: environment.options.judgeWeight,
      flags,
      env: io.env,
      recorded: readRubricRecord(metadata.rubric),
    });
    if (options.retryErrors && metadata.n_errors === 0) {
      io.stderr.write(`${shown}: no errored rollouts; nothing to retry\n`);
      return null;
    }
    let state: ReturnType<typeof prepareResume>;
    try {
      // From here on the run is unfinished: a kill while its errored rows are dropped and re-run leaves
      // a run that `--resume` completes, never a "complete" one with rows missing.
      if (options.retryErrors) {
        const reopened = { ...metadata, status: "running" as const, stop_reason: null };
        await writeFileAtomic(runFiles(runDir).metadata, toJsonText(reopened), { fs: io.fs });
      }
      state = prepareResume({ runDir, metadata, retryErrors: options.retryErrors, fs: io.fs });
    } catch (error) {
      if (!isFsError(error)) throw error;
      throw new CliError({ message: `could not prepare ${describeWriteError(runDir, error)}`, cause: error });
    }
    io.stderr.write(
      (options.retryErrors
        ? `retrying ${state.retried} errored rollout(s) of ${shown} (${state.kept} finished ones kept)`
        : `resuming ${shown}: ${state.kept} rollouts done` +
          (state.keptErrors
            ? `, ${state.keptErrors} errored kept (re-run them later with --retry-errors)`
            : "")) +
        `${state.invalid ? `, ${state.invalid} unreadable line(s) dropped${state.tornTail ? " (a torn last line trimmed)" : ""}` : ""}\n`,
    );
    const apiKeyVar = flags.given?.has("apiKeyVar")
      ? flags.apiKeyVar
      : (metadata.api_key_var ?? flags.apiKeyVar);
    return await runModel({
      flags,
      io,
      environment,
      modelName: metadata.model,
      baseURL: flags.apiBaseUrl ?? metadata.base_url ?? undefined,
      apiKeyVar,
      samplingArgs: metadata.sampling_args as SamplingArgs,
      rolloutsPerExample: metadata.rollouts_per_example,
      dataDir: typeof stored.dataDir === "string" ? stored.dataDir : resolveDataDir(flags, io),
      runId: metadata.run_id,
      resume: { runDir, state, lock, retryErrors: options.retryErrors },
      judge,
    });
  } finally {
    lock.release();
  }
}

/** The run folder a `--resume`/`--retry-errors` value names, resolved against the working directory. */
export function resolveRunDir(io: Pick<EvalIo, "cwd">, path: string): string {
  return resolve(io.cwd, path);
}
