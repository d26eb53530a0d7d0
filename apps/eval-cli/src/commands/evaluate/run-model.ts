import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type {
  Environment,
  EvaluationProgress,
  EvaluationSummary,
  RolloutResult,
  SamplingArgs,
} from "@sv/env";
import { systemErrorText } from "@sv/parser";
import { runPrice } from "../../cost/run-price.js";
import { RunCostAccumulator } from "../../cost/run-cost.js";
import { RunExtrasCollector } from "../../report/run-extras.js";
import { createSpendingBudget } from "../../cost/spending-budget.js";
import { maxCostRecord } from "../../cost/max-cost-record.js";
import { costedRollout, liveSpend, rolloutCost, spentSoFar, totalUsd } from "./run-spend.js";
import { prepareModelChain } from "./prepare-model-chain.js";
import { CliError } from "../../cli-error.js";
import { mkdirFailureCause } from "../../mkdir-failure-cause.js";
import { normalizeRunMetadata } from "../../report/read-run-metadata.js";
import { REPORT_ERROR_CODES, ReportError } from "../../report/report-error.js";
import { reportRunDir } from "../../report/report-run-dir.js";
import { toJsonText, writeFileAtomic } from "../../run-output/atomic-write.js";
import { buildSummary, type RunSummary } from "../../run-output/build-summary.js";
import { createRunMetadata, summaryRunInfo } from "../../run-output/create-run-metadata.js";
import { fingerprintDataset } from "../../run-output/dataset-fingerprint.js";
import { describeWriteError, isFsError } from "../../run-output/fs-error.js";
import { readResults } from "../../run-output/read-results.js";
import { toResultRow } from "../../run-output/result-row.js";
import { openResultsWriter } from "../../run-output/results-writer.js";
import { RunAveragesAccumulator } from "../../run-output/run-averages.js";
import type { RunFs } from "../../run-output/run-fs.js";
import { acquireRunLock, type RunLock } from "../../run-output/run-lock.js";
import type { RunMetadata } from "../../run-output/run-metadata.js";
import { runDirectory, runFiles } from "../../run-output/run-paths.js";
import { storableBaseUrl } from "../../run-output/stored-base-url.js";
import { judgePrice } from "../../judge/judge-price.js";
import { JudgeRunTotals, judgeRunTotalsFor } from "../../judge/judge-run-totals.js";
import type { JudgeSettings } from "../../judge/judge-settings.js";
import { openJudge, requireJudgePrice } from "../../judge/open-judge.js";
import { rubricRecord } from "../../judge/rubric-record.js";
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
  /** Judge and hybrid modes: the judge (resolved, key checked, before any run folder is made). */
  judge?: JudgeSettings;
}

export interface RunModelOutcome {
  /** Null when the run's summary could not be written (a full disk). */
  summary: RunSummary | null;
  runDir: string | null;
  exitCode: number;
}

/** metadata.json's run-level figures over every rollout, as results.jsonl holds them (and the judge's). */
async function runAverages(
  results: AsyncIterable<RolloutResult> | Iterable<RolloutResult>,
  metadata: RunMetadata,
  rubricMode: Environment["rubricMode"],
) {
  const averages = new RunAveragesAccumulator();
  const judge = metadata.rubric
    ? judgeRunTotalsFor({
        rubric: metadata.rubric,
        price: judgePrice({ model: metadata.rubric.judge_model, recorded: metadata.judge_cost }),
      })
    : undefined;
  for await (const result of results) {
    averages.add(toResultRow(result, { rubricMode }));
    judge?.add({ judge: result.judge, accuracy: result.metrics.accuracy });
  }
  if (!judge) return averages.result();
  const cost = judge.costResult();
  return {
    ...averages.result(),
    judge_usage: { input_tokens: cost.input_tokens, output_tokens: cost.output_tokens },
    judge_cost: cost,
    judge_cache: { enabled: metadata.judge_cache?.enabled ?? false, hits: cost.cached_rollouts },
  };
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

/** Whether the run has rollouts and every one of them failed. */
function allFailed(summary: RunSummary | null): boolean {
  return summary !== null && summary.n_rollouts > 0 && summary.n_errors === summary.n_rollouts;
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
    const message =
      systemErrorText(mkdirFailureCause(error)) ?? `could not create ${describeWriteError(runDir, error)}`;
    throw new CliError({ message, cause: error });
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
  const shownDir = shownPath(io.cwd, runDir);
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
  const judgeSettings = options.judge;
  const judgeCostPrice = judgeSettings
    ? judgePrice({
        model: judgeSettings.model,
        recorded: previous?.judge_cost,
        priceInput: flags.judgePriceInput,
        priceOutput: flags.judgePriceOutput,
      })
    : undefined;
  if (judgeSettings && judgeCostPrice)
    requireJudgePrice({ model: judgeSettings.model, price: judgeCostPrice, maxCostUsd: flags.maxCost });
  const spent = options.resume
    ? await spentSoFar({
        resultsPath: files.results,
        price,
        ...(judgeSettings && judgeCostPrice
          ? { judge: { mode: judgeSettings.mode, model: judgeSettings.model, price: judgeCostPrice } }
          : {}),
      })
    : { modelUsd: 0, judgeUsd: 0 };
  // A baseline is free, whatever its price says; with --max-cost every other price is known here (or refused).
  const spentBefore = totalUsd(model.provider === "baseline" ? 0 : spent.modelUsd, spent.judgeUsd);
  // --max-cost covers the run's whole spend: the model and the judge draw on one budget.
  const budget =
    flags.maxCost === undefined
      ? undefined
      : createSpendingBudget({ limitUsd: flags.maxCost, spentUsd: spentBefore ?? 0 });
  // Messages during the run go through the reporter, so none lands in the middle of a terminal's bar.
  const reporter = createProgressReporter({
    stream: io.stderr,
    isTTY: io.stderrIsTTY,
    label: options.modelName,
    columns: io.stderrColumns,
    now: io.clock,
  });
  const chain = prepareModelChain({
    model,
    price,
    samplingArgs: options.samplingArgs,
    baseURL: options.baseURL,
    env: io.env,
    cache: flags.cache,
    budget,
    warn: (line) => reporter.log(line),
  });
  const startingCost = new RunCostAccumulator(price).result();
  const judge = judgeSettings
    ? openJudge({
        settings: judgeSettings,
        env: io.env,
        cache: flags.cache,
        timeoutMs: flags.requestTimeout * 1000,
        fetch: io.fetch,
        warn: (line) => io.stderr.write(line),
        ...(budget && judgeCostPrice ? { limit: { budget, price: judgeCostPrice } } : {}),
      })
    : undefined;
  const judgeRecords =
    judgeSettings && judgeCostPrice
      ? {
          rubric: rubricRecord(judgeSettings),
          judge_usage: { input_tokens: 0, output_tokens: 0 },
          judge_cost: new RunCostAccumulator(judgeCostPrice).result(),
          judge_cache: { enabled: judge?.cacheEnabled ?? false, hits: 0 },
        }
      : {};
  const endpoint =
    model.provider === "baseline" ? { url: null, leftOut: [] } : storableBaseUrl(options.baseURL);
  const created = createRunMetadata({
    environment,
    model: options.modelName,
    baseUrl: endpoint.url,
    apiKeyVar: model.provider === "baseline" ? null : options.apiKeyVar,
    envArgs: previous?.env_args ?? flags.envArgs ?? {},
    rolloutsPerExample: options.rolloutsPerExample,
    samplingArgs: options.samplingArgs,
    runId: options.runId,
    startedAt: previous?.started_at ?? (io.now?.() ?? new Date()).toISOString(),
    timeMs: previous?.time_ms ?? 0,
    systemPromptFile: previous?.system_prompt_file ?? flags.systemPromptFile ?? null,
  });
  const metadata: RunMetadata = {
    ...created,
    // A resumed run keeps the options it recorded (resume pins the dataset tier, which is not a user option).
    env_options: previous ? (previous.env_options ?? previous.env_args) : created.env_options,
    base_url_left_out: endpoint.leftOut,
    dataset_fingerprint: fingerprintDataset({ dataset: environment.dataset, seed: created.seed }),
    cache: { enabled: chain.cacheEnabled, hits: 0 },
    cost: { ...startingCost, ...maxCostRecord(flags.maxCost, judgeSettings !== undefined) },
    ...judgeRecords,
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
  // A failed write stops the run through its own signal, as Ctrl-C would.
  const writeFailed = new AbortController();
  const signal = io.signal ? AbortSignal.any([io.signal, writeFailed.signal]) : writeFailed.signal;
  const live = new RunCostAccumulator(price);
  const judgeLive =
    judgeSettings && judgeCostPrice
      ? new JudgeRunTotals(judgeSettings.mode, judgeSettings.model, judgeCostPrice)
      : undefined;
  let lastProgress: EvaluationProgress | undefined;
  const run = environment.evaluate({
    model: chain.model,
    rolloutsPerExample: rollouts,
    maxConcurrent: flags.maxConcurrent,
    samplingArgs: options.samplingArgs,
    ...(judge ? { judge: judge.judge } : {}),
    signal,
    maxRetries: flags.requestRetries,
    timeoutMs: Math.round(flags.requestTimeout * 1000),
    maxConsecutiveErrors: flags.maxConsecutiveErrors,
    sharedRateLimit: flags.sharedRateLimit,
    skip: done ? (exampleId, rolloutIndex) => done.has(exampleId * rollouts + rolloutIndex) : undefined,
    sleep: io.sleep,
    random: io.random,
    ...(io.clock ? { now: io.clock } : {}),
    tracing: io.tracing?.evaluateOptions(model.provider === "baseline" ? undefined : rolloutCost(price)),
    onProgress: (progress) => {
      lastProgress = progress;
      // The first report (no rollout done yet) is drawn at once: a slow first reply shows 0/N, ETA n/a.
      if (progress.done === 0)
        reporter.update({
          ...progress,
          ...(model.provider === "baseline" ? {} : liveSpend({ live, judge: judgeLive, spentBefore })),
        });
    },
    onRetry: flags.verbose
      ? (info) =>
          reporter.log(
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
      live.add(costedRollout(result));
      judgeLive?.add({ judge: result.judge, accuracy: result.metrics.accuracy });
      if (lastProgress) {
        const spend = model.provider === "baseline" ? {} : liveSpend({ live, judge: judgeLive, spentBefore });
        reporter.update({ ...lastProgress, ...spend });
      }
      if (writer) writer.write(toResultRow(result, { rubricMode: environment.rubricMode }));
      else kept.push({ ...result, prompt: [] });
      if (flags.verbose && result.error) {
        reporter.log(
          `example ${result.example_id}/${result.rollout_index} failed: ${result.error.type}: ${result.error.message}\n`,
        );
      }
    }
  } finally {
    writer?.close();
    reporter.finish();
    chain.close();
    judge?.close();
  }
  const evaluation = await run.summary();
  reportReplyOddities(io, evaluation);

  const writeError = writer?.failure;
  const stop = writeError
    ? { type: "write_failed", message: describeWriteError(files.results, writeError) }
    : evaluation.stopReason;
  const timeMs = metadata.time_ms + (performance.now() - started);
  const runMetadata: RunMetadata = {
    ...metadata,
    time: timeMs / 1000,
    time_ms: timeMs,
    status: stop ? "stopped" : "complete",
    stop_reason: stop ? `${stop.type}: ${stop.message}` : null,
    rate_limit_pauses: (previous?.rate_limit_pauses ?? 0) + evaluation.rateLimitPauses,
  };
  let summary: RunSummary | null = null;
  let writesOk = true;
  if (save) {
    // One read of results.jsonl writes summary.json, report.md and report.html (as `pnpm eval report` would).
    writesOk = await tryWrite(io, `the summary and reports of ${shownDir}`, async () => {
      try {
        const report = await reportRunDir({
          dir: runDir,
          metadata: normalizeRunMetadata({ ...runMetadata }),
        });
        summary = report.data.summary;
      } catch (error) {
        if (!(ReportError.isInstance(error) && error.code === REPORT_ERROR_CODES.emptyRun)) throw error;
        io.stderr.write(`note: no rollout reached ${shownDir}, so no summary.json or report was written\n`);
      }
    });
  } else {
    const extras = new RunExtrasCollector(normalizeRunMetadata({ ...metadata }));
    for (const result of kept) extras.addRollout(result);
    summary = {
      ...(await buildSummary({ results: kept, metadata: summaryRunInfo(metadata) })),
      ...extras.result(),
    };
  }
  const built = summary as RunSummary | null;
  const finalMetadata: RunMetadata = {
    ...runMetadata,
    ...(await runAverages(save ? readResults(files.results) : kept, metadata, environment.rubricMode)),
    n_errors: built ? built.n_errors : runMetadata.n_errors,
    cache: { enabled: chain.cacheEnabled, hits: built?.api_cost?.cached_rollouts ?? 0 },
    cost: {
      ...(built?.api_cost ?? startingCost),
      ...maxCostRecord(flags.maxCost, judgeSettings !== undefined),
    },
  };
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
    const costHint = hint && stop.type === "max_cost" ? " (with a higher --max-cost, or none)" : "";
    io.stderr.write(
      writeError
        ? `stopped (write failed): ${stop.message}. ${written} rollouts of this session are on disk, each line whole; free some space, then${hint.replace(" Finish it with:", "")}\n`
        : `stopped early (${stop.type}): ${stop.message}. ${evaluation.done} of ${evaluation.total} rollouts were done and written.${hint}${costHint}\n`,
    );
  } else if (save && built && built.n_errors > 0) {
    io.stderr.write(
      `${built.n_errors} rollout(s) failed; re-run only those with: pnpm eval --retry-errors ${shownDir}\n`,
    );
  }
  return {
    summary: built,
    runDir: save ? shownDir : null,
    // A run in which every rollout failed measured nothing: it exits 1 like an early stop.
    exitCode: stop ? (stop.type === "aborted" ? 130 : 1) : !writesOk || allFailed(built) ? 1 : 0,
  };
}
