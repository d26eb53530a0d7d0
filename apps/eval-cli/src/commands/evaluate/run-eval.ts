import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { ENV_ID, type Environment, type SamplingArgs } from "@sv/env";
import { CliError } from "../../cli-error.js";
import type { RunSummary } from "../../run-output/build-summary.js";
import { modelRunsDirectory } from "../../run-output/run-paths.js";
import type { EvalFlags } from "./eval-flags.js";
import type { EvalIo } from "./eval-io.js";
import { findUnfinishedRun } from "./find-unfinished-run.js";
import { loadDotenv } from "./load-dotenv.js";
import { formatOutcomeLine } from "./outcome-line.js";
import { requireExamples } from "./require-examples.js";
import { resumeRun } from "./resume-run.js";
import { runModel } from "./run-model.js";
import { environmentOptions, resolveDataDir, setupEnvironment } from "./setup-environment.js";
import { shownPath } from "./shown-path.js";
import { startEvalTracing } from "../../tracing/eval-tracing.js";
import { type JudgeSettings, resolveJudgeSettings } from "../../judge/judge-settings.js";

/** The model vf-eval defaults to, used when a key or base URL is set but no `-m`. */
export const DEFAULT_API_MODEL = "gpt-4.1-mini";
/** What runs with no key and no base URL: offline, no account needed. */
export const DEFAULT_OFFLINE_MODEL = "baseline/heuristic";

/** vf-eval's rule: `-S` wins over `-t`/`-T`. */
function samplingArgs(flags: EvalFlags): SamplingArgs {
  const merged: SamplingArgs = { ...flags.samplingArgs };
  if (flags.maxTokens !== undefined && merged.max_tokens === undefined) merged.max_tokens = flags.maxTokens;
  if (flags.temperature !== undefined && merged.temperature === undefined)
    merged.temperature = flags.temperature;
  return merged;
}

function printOutcome(io: EvalIo, flags: EvalFlags, summary: RunSummary | null, runDir: string | null): void {
  if (!summary) return;
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  io.stdout.write(`${formatOutcomeLine({ summary, runDir, maxCostUsd: flags.maxCost })}\n`);
}

/** The model a run is about when no `-m` is given: an API model with a key or base URL, else offline. */
function defaultModel(flags: EvalFlags, io: EvalIo, note: boolean): string {
  if (io.env[flags.apiKeyVar] || flags.apiBaseUrl) return DEFAULT_API_MODEL;
  if (note) {
    io.stderr.write(
      `note: no API key in $${flags.apiKeyVar} and no --api-base-url, so this run evaluates the built-in ${DEFAULT_OFFLINE_MODEL}.\n` +
        `      To evaluate a real model: OPENAI_API_KEY=... pnpm eval -m ${DEFAULT_API_MODEL}\n` +
        "      or a local server: pnpm eval -m llama3.1 -b http://localhost:11434/v1 (Ollama, vLLM, OpenRouter, ...)\n",
    );
  }
  return DEFAULT_OFFLINE_MODEL;
}

/**
 * `--resume` with no path (as vf-eval): the newest unfinished run of the env and model (`-m`, else the
 * default model) under `--output-dir`. Resolves to undefined when there is none, and a new run starts.
 */
async function resumeNewest(flags: EvalFlags, io: EvalIo): Promise<number | undefined> {
  const models = flags.model ?? [];
  if (models.length > 1) {
    throw new CliError({
      exitCode: 2,
      message: "--resume with no path finds the run of one model; give one -m",
    });
  }
  const model = models[0] ?? defaultModel(flags, io, false);
  const outputDir = resolve(io.cwd, flags.outputDir);
  const runDir = findUnfinishedRun({
    outputDir,
    envId: ENV_ID,
    model,
    rolloutsPerExample: flags.given?.has("rolloutsPerExample") ? flags.rolloutsPerExample : undefined,
  });
  if (!runDir) {
    io.stderr.write(
      `--resume: no unfinished run of ${model} in ${shownPath(io.cwd, modelRunsDirectory({ outputDir, envId: ENV_ID, model }))}; starting a new run\n`,
    );
    return undefined;
  }
  io.stderr.write(`--resume: the newest unfinished run of ${model} is ${shownPath(io.cwd, runDir)}\n`);
  const outcome = await resumeRun({ flags, io, runDir, retryErrors: false, pathGiven: false });
  if (!outcome) return 0;
  printOutcome(io, flags, outcome.summary, outcome.runDir);
  return outcome.exitCode;
}

/**
 * `pnpm eval [flags]`: evaluate one or more models; resolves to the exit code. Tracing (OTLP, Weave) is
 * started first from the environment and `.env`, and flushed however the command ends.
 */
export async function runEval(flags: EvalFlags, io: EvalIo): Promise<number> {
  loadDotenv(io.cwd, io.env);
  const tracing =
    io.tracing ?? (await startEvalTracing({ env: io.env, stderr: io.stderr, deps: io.tracingDeps }));
  try {
    return await runEvalTraced(flags, { ...io, tracing });
  } finally {
    await tracing.shutdown();
  }
}

async function runEvalTraced(flags: EvalFlags, io: EvalIo): Promise<number> {
  const named = typeof flags.resume === "string" ? flags.resume : flags.retryErrors;
  if (named !== undefined) {
    const outcome = await resumeRun({
      flags,
      io,
      runDir: resolve(io.cwd, named),
      retryErrors: flags.retryErrors !== undefined,
      pathGiven: true,
    });
    if (!outcome) return 0;
    printOutcome(io, flags, outcome.summary, outcome.runDir);
    return outcome.exitCode;
  }
  if (flags.resume === true) {
    const exitCode = await resumeNewest(flags, io);
    if (exitCode !== undefined) return exitCode;
  }
  let models = flags.model;
  if (!models || models.length === 0) models = [defaultModel(flags, io, true)];
  const options = environmentOptions(flags, io);
  const environment = await setupEnvironment(options);
  await requireExamples(environment, options);
  io.stderr.write(
    `dataset ${environment.dataset.name} (${environment.dataset.tier}, split ${environment.dataset.split}): ${environment.dataset.rows.length} examples; ${environment.dataset.reason}\n`,
  );
  const runId = flags.runId ?? io.createRunId?.() ?? randomBytes(4).toString("hex");
  try {
    // Before any run folder exists: a judge without a key is one error line.
    const judge = resolveJudgeSettings({
      mode: environment.rubricMode,
      weight: environment.options.judgeWeight,
      flags,
      env: io.env,
    });
    return await runModels({ flags, io, environment, models, runId, judge });
  } finally {
    environment.close();
  }
}

async function runModels(options: {
  flags: EvalFlags;
  io: EvalIo;
  environment: Environment;
  models: string[];
  runId: string;
  judge: JudgeSettings | undefined;
}): Promise<number> {
  const { flags, io, environment, models, runId, judge } = options;
  let exitCode = 0;
  for (const modelName of models) {
    const outcome = await runModel({
      flags,
      io,
      environment,
      modelName,
      baseURL: flags.apiBaseUrl,
      apiKeyVar: flags.apiKeyVar,
      samplingArgs: samplingArgs(flags),
      rolloutsPerExample: flags.rolloutsPerExample,
      dataDir: resolveDataDir(flags, io),
      runId,
      judge,
    });
    printOutcome(io, flags, outcome.summary, outcome.runDir);
    exitCode = Math.max(exitCode, outcome.exitCode);
    if (io.signal?.aborted) break;
  }
  return exitCode;
}
