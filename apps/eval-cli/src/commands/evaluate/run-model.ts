import { existsSync, mkdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import type {
  Environment,
  EvaluationProgress,
  EvaluationSummary,
  RolloutResult,
  SamplingArgs,
} from "@sv/env";
import { runPrice } from "../../cost/run-price.js";
import { RunCostAccumulator } from "../../cost/run-cost.js";
import { RunExtrasCollector } from "../../report/run-extras.js";
import { costedRollout, liveSpend, spentSoFar } from "./run-spend.js";
import { prepareModelChain } from "./prepare-model-chain.js";
import { CliError } from "../../cli-error.js";
import { normalizeRunMetadata } from "../../report/read-run-metadata.js";
import { reportRunDir } from "../../report/report-run-dir.js";
import { toJsonText, writeFileAtomic } from "../../run-output/atomic-write.js";
import { buildSummary, type RunSummary } from "../../run-output/build-summary.js";
import { createRunMetadata, summaryRunInfo } from "../../run-output/create-run-metadata.js";
import { readResults } from "../../run-output/read-results.js";
import { toResultRow } from "../../run-output/result-row.js";
import { openResultsWriter } from "../../run-output/results-writer.js";
import { RunAveragesAccumulator } from "../../run-output/run-averages.js";
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

/** metadata.json's run-level figures over every rollout, as results.jsonl holds them. */
async function runAverages(results: AsyncIterable<RolloutResult> | Iterable<RolloutResult>) {
  const averages = new RunAveragesAccumulator();
  for await (const result of results) averages.add(toResultRow(result));
  return averages.result();
}

/** One line each, once per run: rollouts with unknown token usage, and refusals. */
function reportReplyOddities(io: EvalIo, evaluation: EvaluationSummary): void {
  if (evaluation.unknownUsage > 0) {
    io.stderr.write(
      `warning: the server reported no, null or negative token usage for ${evaluation.unknownUsage} of ${evaluation.done} rollouts; recorded as unknown (null) and left out of the token totals\n`,
    );
  }
  if (evaluation.refusals > 0) {
    io.stderr.write(
      `note: the model refused ${evaluation.refusals} of ${evaluation.done} rollouts (scored as no answer; those rows have "refusal")\n`,
    );
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
    timeoutMs: flags.requestTimeout * 1000,
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
  const price = runPrice({
    modelId: options.modelName,
    provider: model.provider,
    priceInput: flags.priceInput,
    priceOutput: flags.priceOutput,
    previous,
  });
  const spentBefore = options.resume ? await spentSoFar(files.results, price) : 0;
  const chain = prepareModelChain({
    model,
    price,
    samplingArgs: options.samplingArgs,
    baseURL: options.baseURL,
    env: io.env,
    cache: flags.cache,
    maxCostUsd: flags.maxCost,
    spentUsd: spentBefore ?? 0,
    warn: (line) => io.stderr.write(line),
  });
  const startingCost = new RunCostAccumulator(price).result();
  const metadata: RunMetadata = {
    ...createRunMetadata({
      environment,
      model: options.modelName,
      baseUrl: model.provider === "baseline" ? null : redactUrl(options.baseURL),
      apiKeyVar: model.provider === "baseline" ? null : options.apiKeyVar,
      envArgs: previous?.env_args ?? flags.envArgs ?? {},
      rolloutsPerExample: options.rolloutsPerExample,
      samplingArgs: options.samplingArgs,
      runId: options.runId,
      startedAt: previous?.started_at ?? (io.now?.() ?? new Date()).toISOString(),
      timeMs: previous?.time_ms ?? 0,
      systemPromptFile: previous?.system_prompt_file ?? flags.systemPromptFile ?? null,
    }),
    cache: { enabled: chain.cacheEnabled, hits: 0 },
    cost: { ...startingCost, max_usd: flags.maxCost ?? null },
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
  const live = new RunCostAccumulator(price);
  let lastProgress: EvaluationProgress | undefined;
  const run = environment.evaluate({
    model: chain.model,
    rolloutsPerExample: rollouts,
    maxConcurrent: flags.maxConcurrent,
    samplingArgs: options.samplingArgs,
    signal: io.signal,
    maxRetries: flags.requestRetries,
    timeoutMs: Math.round(flags.requestTimeout * 1000),
    maxConsecutiveErrors: flags.maxConsecutiveErrors,
    sharedRateLimit: flags.sharedRateLimit,
    skip: done ? (exampleId, rolloutIndex) => done.has(exampleId * rollouts + rolloutIndex) : undefined,
    sleep: io.sleep,
    random: io.random,
    onProgress: (progress) => {
      lastProgress = progress;
    },
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
      live.add(costedRollout(result));
      if (lastProgress) {
        const spend = model.provider === "baseline" ? {} : liveSpend(live, spentBefore);
        reporter.update({ ...lastProgress, ...spend });
      }
      if (writer) writer.write(toResultRow(result));
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
    chain.close();
  }
  const evaluation = await run.summary();
  reportReplyOddities(io, evaluation);

  const stop = evaluation.stopReason;
  const timeMs = metadata.time_ms + (performance.now() - started);
  const runMetadata: RunMetadata = {
    ...metadata,
    time: timeMs / 1000,
    time_ms: timeMs,
    status: stop ? "stopped" : "complete",
    stop_reason: stop ? `${stop.type}: ${stop.message}` : null,
  };
  let summary: RunSummary;
  if (save) {
    // One read of results.jsonl writes summary.json, report.md and report.html (as `pnpm eval report` would).
    const report = await reportRunDir({ dir: runDir, metadata: normalizeRunMetadata({ ...runMetadata }) });
    summary = report.data.summary;
  } else {
    const extras = new RunExtrasCollector(normalizeRunMetadata({ ...metadata }));
    for (const result of kept) extras.addRollout(result);
    summary = {
      ...(await buildSummary({ results: kept, metadata: summaryRunInfo(metadata) })),
      ...extras.result(),
    };
  }
  const finalMetadata: RunMetadata = {
    ...runMetadata,
    ...(await runAverages(save ? readResults(files.results) : kept)),
    n_errors: summary.n_errors,
    cache: { enabled: chain.cacheEnabled, hits: summary.api_cost?.cached_rollouts ?? 0 },
    cost: { ...(summary.api_cost ?? startingCost), max_usd: flags.maxCost ?? null },
  };
  if (save) await writeFileAtomic(files.metadata, toJsonText(finalMetadata));
  if (stop) {
    const resumeHint = save
      ? ` Finish it with: pnpm eval --resume ${relative(io.cwd, runDir) || "."}${stop.type === "max_cost" ? " (with a higher --max-cost, or none)" : ""}`
      : "";
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
