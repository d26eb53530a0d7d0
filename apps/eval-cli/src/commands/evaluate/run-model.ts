import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { ENV_VERSION, type Environment, type RolloutResult, type SamplingArgs } from "@sv/env";
import { CliError } from "../../cli-error.js";
import { reportRunDir } from "../../report/report-run-dir.js";
import { toJsonText, writeFileAtomic } from "../../run-output/atomic-write.js";
import { buildSummary, type RunSummary } from "../../run-output/build-summary.js";
import { fingerprintDataset } from "../../run-output/dataset-fingerprint.js";
import { describeWriteError, isFsError } from "../../run-output/fs-error.js";
import { openResultsWriter } from "../../run-output/results-writer.js";
import type { RunFs } from "../../run-output/run-fs.js";
import { acquireRunLock, type RunLock } from "../../run-output/run-lock.js";
import type { RunMetadata } from "../../run-output/run-metadata.js";
import { runDirectory, runFiles } from "../../run-output/run-paths.js";
import { storableBaseUrl } from "../../run-output/stored-base-url.js";
import type { EvalFlags } from "./eval-flags.js";
import type { EvalIo } from "./eval-io.js";
import { createProgressReporter } from "./progress-reporter.js";
import { resolveModel } from "./resolve-model.js";
import { resumeCommand } from "./resume-command.js";
import type { ResumeState } from "./resume-state.js";
import { shownPath } from "./shown-path.js";

export interface RunModelOptions {
  flags: EvalFlags;
  io: EvalIo;
  environment: Environment;
  modelName: string;
  baseURL: string | undefined;
  apiKeyVar: string;
  samplingArgs: SamplingArgs;
  rolloutsPerExample: number;
  dataDir: string;
  runId: string;
  /**
   * Set when resuming (or retrying errors): the run directory, what is done there, and the lock the caller
   * took on it before preparing it.
   */
  resume?: { runDir: string; state: ResumeState; lock: RunLock; retryErrors: boolean };
}

export interface RunModelOutcome {
  /** Null when the run's files could not be written (a full disk) and no summary was built. */
  summary: RunSummary | null;
  runDir: string | null;
  exitCode: number;
}

/** Tally token usage while results stream past. */
function* withUsage(results: Iterable<RolloutResult>, usage: RunMetadata["usage"]) {
  for (const result of results) {
    usage.input_tokens += result.token_usage?.input_tokens ?? 0;
    usage.output_tokens += result.token_usage?.output_tokens ?? 0;
    yield result;
  }
}

/** Run `write`; a file-system error becomes one line on stderr (returned false), anything else is thrown. */
async function tryWrite(io: EvalIo, path: string, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (!isFsError(error)) throw error;
    io.stderr.write(`error: could not write ${describeWriteError(path, error)}\n`);
    return false;
  }
}

/**
 * Evaluate one model, writing results.jsonl as rollouts finish, then summary.json, report.md, metadata.json.
 * The run folder is held under a lock for the whole run. A failed write (full disk, I/O error) stops the
 * run like any other fatal error: what is on disk stays whole, and the stop reason and resume hint are
 * printed (and recorded in metadata.json when it can still be written).
 */
export async function runModel(options: RunModelOptions): Promise<RunModelOutcome> {
  if (options.resume || !options.flags.saveResults) return runModelLocked(options);
  const runDir = runDirectory({
    outputDir: resolve(options.io.cwd, options.flags.outputDir),
    envId: options.environment.id,
    model: options.modelName,
    runId: options.runId,
  });
  try {
    mkdirSync(runDir, { recursive: true });
  } catch (error) {
    if (!isFsError(error)) throw error;
    throw new CliError({ message: `could not create ${describeWriteError(runDir, error)}`, cause: error });
  }
  const lock = acquireRunLock({ dir: runDir, now: options.io.now });
  try {
    return await runModelLocked(options);
  } finally {
    lock.release();
  }
}

/** {@link runModel} once the run folder is held (or nothing is saved). */
async function runModelLocked(options: RunModelOptions): Promise<RunModelOutcome> {
  const { flags, io, environment } = options;
  const runFs: RunFs | undefined = io.fs;
  const started = performance.now();
  const model = await resolveModel({
    name: options.modelName,
    apiKey: io.env[options.apiKeyVar],
    apiKeyVar: options.apiKeyVar,
    baseURL: options.baseURL,
    timeoutMs: flags.timeout * 1000,
    dataDir: options.dataDir,
    fetch: io.fetch,
  });
  const save = flags.saveResults;
  const runDir =
    options.resume?.runDir ??
    runDirectory({
      outputDir: resolve(io.cwd, flags.outputDir),
      envId: environment.id,
      model: options.modelName,
      runId: options.runId,
    });
  const files = runFiles(runDir);
  const shownDir = shownPath(io.cwd, runDir);
  if (save && !options.resume && existsSync(files.metadata)) {
    throw new CliError({
      exitCode: 2,
      message: `${runDir} already holds a run; pass --resume ${runDir} to finish it`,
    });
  }
  const previous = options.resume?.state.metadata;
  const endpoint =
    model.provider === "baseline" ? { url: null, leftOut: [] } : storableBaseUrl(options.baseURL);
  const seed = flags.seed ?? (environment.options.seed as number | undefined) ?? null;
  const metadata: RunMetadata = {
    env_id: environment.id,
    // A resumed run keeps the options it recorded (resume pins the dataset tier, which is not a user option).
    env_args: previous ? previous.env_args : { ...environment.options },
    model: options.modelName,
    base_url: endpoint.url,
    base_url_left_out: endpoint.leftOut,
    api_key_var: model.provider === "baseline" ? null : options.apiKeyVar,
    num_examples: environment.dataset.rows.length,
    rollouts_per_example: options.rolloutsPerExample,
    sampling_args: options.samplingArgs,
    time_ms: previous?.time_ms ?? 0,
    avg_reward: 0,
    avg_metrics: {},
    usage: { input_tokens: 0, output_tokens: 0 },
    dataset: {
      name: environment.dataset.name,
      source: environment.dataset.tier,
      split: environment.dataset.split,
      revision: environment.dataset.revision ?? null,
      path: environment.dataset.path ?? null,
    },
    seed,
    run_id: options.runId,
    started_at: previous?.started_at ?? (io.now?.() ?? new Date()).toISOString(),
    status: "running",
    stop_reason: null,
    n_errors: 0,
    system_prompt_file: previous?.system_prompt_file ?? flags.systemPromptFile ?? null,
    version_info: { "@sv/env": ENV_VERSION, node: process.version },
    dataset_fingerprint: fingerprintDataset({ dataset: environment.dataset, seed }),
    environment_options: previous
      ? (previous.environment_options ?? previous.env_args)
      : { ...environment.options },
  };
  if (save) {
    try {
      await writeFileAtomic(files.metadata, toJsonText(metadata), { fs: runFs });
    } catch (error) {
      if (!isFsError(error)) throw error;
      throw new CliError({
        message: `could not write ${describeWriteError(files.metadata, error)}`,
        cause: error,
      });
    }
  }
  const hint = save ? ` Finish it with: ${resumeCommand({ runDir: shownDir, metadata })}` : "";

  const done = options.resume?.state.done;
  const rollouts = options.rolloutsPerExample;
  const reporter = createProgressReporter({
    stream: io.stderr,
    isTTY: io.stderrIsTTY,
    label: options.modelName,
  });
  // A failed write stops the run through its own signal, as Ctrl-C would.
  const writeFailed = new AbortController();
  const signal = io.signal ? AbortSignal.any([io.signal, writeFailed.signal]) : writeFailed.signal;
  const run = environment.evaluate({
    model,
    rolloutsPerExample: rollouts,
    maxConcurrent: flags.maxConcurrent,
    samplingArgs: options.samplingArgs,
    signal,
    maxRetries: flags.maxRetries,
    timeoutMs: Math.round(flags.timeout * 1000),
    maxConsecutiveErrors: flags.maxConsecutiveErrors,
    sharedRateLimit: flags.sharedRateLimit,
    skip: done ? (exampleId, rolloutIndex) => done.has(exampleId * rollouts + rolloutIndex) : undefined,
    sleep: io.sleep,
    random: io.random,
    onProgress: (progress) => reporter.update(progress),
    onRetry: flags.verbose
      ? (info) =>
          io.stderr.write(
            `retry ${info.retry} of example ${info.exampleId}/${info.rolloutIndex} after ${info.errorType}, waiting ${Math.round(info.delayMs)} ms\n`,
          )
      : undefined,
  });
  const writer = save
    ? openResultsWriter({ path: files.results, fs: runFs, onError: () => writeFailed.abort() })
    : undefined;
  const kept: RolloutResult[] = [];
  try {
    for await (const result of run) {
      if (writer) writer.write(result);
      else kept.push({ ...result, prompt: [] });
      if (flags.verbose && result.error) {
        io.stderr.write(
          `example ${result.example_id}/${result.rollout_index} failed: ${result.error.type}: ${result.error.message}\n`,
        );
      }
    }
  } finally {
    writer?.close();
    reporter.finish();
  }
  const evaluation = await run.summary();

  const writeError = writer?.failure;
  const stop = writeError
    ? { type: "write_failed", message: describeWriteError(files.results, writeError) }
    : evaluation.stopReason;
  const runMetadata: RunMetadata = {
    ...metadata,
    time_ms: metadata.time_ms + (performance.now() - started),
    status: stop ? "stopped" : "complete",
    stop_reason: stop ? `${stop.type}: ${stop.message}` : null,
  };
  let summary: RunSummary | null = null;
  const usage = { input_tokens: 0, output_tokens: 0 };
  let writesOk = true;
  if (save) {
    // One read of results.jsonl writes summary.json, report.md and report.html (as `pnpm eval report` would).
    writesOk = await tryWrite(io, `the summary and reports of ${shownDir}`, async () => {
      const report = await reportRunDir({ dir: runDir, metadata: { ...runMetadata } });
      summary = report.data.summary;
      usage.input_tokens = report.data.tokens.input;
      usage.output_tokens = report.data.tokens.output;
    });
  } else {
    summary = await buildSummary({ results: withUsage(kept, usage), metadata });
  }
  const built = summary as RunSummary | null;
  const finalMetadata: RunMetadata = built
    ? {
        ...runMetadata,
        avg_reward: built.rewards.mean_reward,
        avg_metrics: {
          accuracy: built.rewards.accuracy,
          format: built.rewards.format,
          calibration: built.rewards.calibration,
          asymmetric_cost: built.rewards.asymmetric_cost,
        },
        usage,
        n_errors: built.n_errors,
      }
    : runMetadata;
  if (save) {
    const written = await tryWrite(io, files.metadata, () =>
      writeFileAtomic(files.metadata, toJsonText(finalMetadata), { fs: runFs }),
    );
    writesOk &&= written;
    if (!writesOk && !stop) {
      io.stderr.write(
        `results.jsonl is whole; once there is room, rewrite the rest with: pnpm eval report ${shownDir}\n`,
      );
    }
  }
  if (stop) {
    const written = writer ? writer.written : evaluation.done;
    io.stderr.write(
      writeError
        ? `stopped (write failed): ${stop.message}. ${written} rollouts of this session are on disk, each line whole; free some space, then${hint.replace(" Finish it with:", "")}\n`
        : `stopped early (${stop.type}): ${stop.message}. ${evaluation.done} of ${evaluation.total} rollouts were done and written.${hint}\n`,
    );
  } else if (save && built && built.n_errors > 0) {
    io.stderr.write(
      `${built.n_errors} rollout(s) failed; re-run only those with: pnpm eval --retry-errors ${shownDir}\n`,
    );
  }
  return {
    summary: built,
    runDir: save ? shownDir : null,
    exitCode: stop ? (stop.type === "aborted" ? 130 : 1) : writesOk ? 0 : 1,
  };
}
