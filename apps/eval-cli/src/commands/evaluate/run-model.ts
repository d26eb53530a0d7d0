import { existsSync, mkdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import { ENV_VERSION, type Environment, type RolloutResult, type SamplingArgs } from "@sv/env";
import { CliError } from "../../cli-error.js";
import { reportRunDir } from "../../report/report-run-dir.js";
import { toJsonText, writeFileAtomic } from "../../run-output/atomic-write.js";
import { buildSummary, type RunSummary } from "../../run-output/build-summary.js";
import { openResultsWriter } from "../../run-output/results-writer.js";
import { type RunMetadata, redactUrl } from "../../run-output/run-metadata.js";
import { runDirectory, runFiles } from "../../run-output/run-paths.js";
import type { EvalFlags } from "./eval-flags.js";
import type { EvalIo } from "./eval-io.js";
import { createProgressReporter } from "./progress-reporter.js";
import { resolveModel } from "./resolve-model.js";
import type { ResumeState } from "./resume-state.js";

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
  /** Set when resuming: the run directory and what is done there. */
  resume?: { runDir: string; state: ResumeState };
}

export interface RunModelOutcome {
  summary: RunSummary;
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

/** Evaluate one model, writing results.jsonl as rollouts finish, then summary.json, report.md, metadata.json. */
export async function runModel(options: RunModelOptions): Promise<RunModelOutcome> {
  const { flags, io, environment } = options;
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
  if (save && !options.resume && existsSync(files.metadata)) {
    throw new CliError({
      exitCode: 2,
      message: `${runDir} already holds a run; pass --resume ${runDir} to finish it`,
    });
  }
  const previous = options.resume?.state.metadata;
  const metadata: RunMetadata = {
    env_id: environment.id,
    env_args: { ...environment.options },
    model: options.modelName,
    base_url: model.provider === "baseline" ? null : redactUrl(options.baseURL),
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
    // The seed the example selection used (the default one for `-n` without `--seed`), null: file order.
    seed: environment.dataset.seed ?? null,
    run_id: options.runId,
    started_at: previous?.started_at ?? (io.now?.() ?? new Date()).toISOString(),
    status: "running",
    stop_reason: null,
    n_errors: 0,
    system_prompt_file: previous?.system_prompt_file ?? flags.systemPromptFile ?? null,
    version_info: { "@sv/env": ENV_VERSION, node: process.version },
  };
  if (save) {
    mkdirSync(runDir, { recursive: true });
    await writeFileAtomic(files.metadata, toJsonText(metadata));
  }

  const done = options.resume?.state.done;
  const rollouts = options.rolloutsPerExample;
  const reporter = createProgressReporter({
    stream: io.stderr,
    isTTY: io.stderrIsTTY,
    label: options.modelName,
  });
  const run = environment.evaluate({
    model,
    rolloutsPerExample: rollouts,
    maxConcurrent: flags.maxConcurrent,
    samplingArgs: options.samplingArgs,
    signal: io.signal,
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
  const writer = save ? openResultsWriter(files.results) : undefined;
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

  const stop = evaluation.stopReason;
  const runMetadata: RunMetadata = {
    ...metadata,
    time_ms: metadata.time_ms + (performance.now() - started),
    status: stop ? "stopped" : "complete",
    stop_reason: stop ? `${stop.type}: ${stop.message}` : null,
  };
  let summary: RunSummary;
  const usage = { input_tokens: 0, output_tokens: 0 };
  if (save) {
    // One read of results.jsonl writes summary.json, report.md and report.html (as `pnpm eval report` would).
    const report = await reportRunDir({ dir: runDir, metadata: { ...runMetadata } });
    summary = report.data.summary;
    usage.input_tokens = report.data.tokens.input;
    usage.output_tokens = report.data.tokens.output;
  } else {
    summary = await buildSummary({ results: withUsage(kept, usage), metadata });
  }
  const finalMetadata: RunMetadata = {
    ...runMetadata,
    avg_reward: summary.rewards.mean_reward,
    avg_metrics: {
      accuracy: summary.rewards.accuracy,
      format: summary.rewards.format,
      calibration: summary.rewards.calibration,
      asymmetric_cost: summary.rewards.asymmetric_cost,
    },
    usage,
    n_errors: summary.n_errors,
  };
  if (save) await writeFileAtomic(files.metadata, toJsonText(finalMetadata));
  if (stop) {
    const resumeHint = save ? ` Finish it with: pnpm eval --resume ${relative(io.cwd, runDir) || "."}` : "";
    io.stderr.write(
      `stopped early (${stop.type}): ${stop.message}. ${evaluation.done} of ${evaluation.total} rollouts were done and written.${resumeHint}\n`,
    );
  }
  return {
    summary,
    runDir: save ? relative(io.cwd, runDir) || "." : null,
    exitCode: stop ? (stop.type === "aborted" ? 130 : 1) : 0,
  };
}
