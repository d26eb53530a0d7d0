import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import type { Environment, EnvironmentOptions, SamplingArgs } from "@sv/env";
import { CliError } from "../../cli-error.js";
import type { RunSummary } from "../../run-output/build-summary.js";
import type { EvalFlags } from "./eval-flags.js";
import type { EvalIo } from "./eval-io.js";
import { loadDotenv } from "./load-dotenv.js";
import { requireExamples } from "./require-examples.js";
import { prepareResume } from "./resume-state.js";
import { runModel } from "./run-model.js";
import { environmentOptions, hubSettings, resolveDataDir, setupEnvironment } from "./setup-environment.js";

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

function printOutcome(io: EvalIo, flags: EvalFlags, summary: RunSummary, runDir: string | null): void {
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const { detection, calibration } = summary.metrics;
  io.stdout.write(
    `${summary.model}: reward ${summary.rewards.mean_reward.toFixed(4)}, accuracy ${detection.accuracy.toFixed(3)}, ` +
      `F1 ${detection.f1.toFixed(3)}, FNR ${detection.fnr.toFixed(3)}, ECE ${calibration.ece.toFixed(4)} ` +
      `over ${summary.n_rollouts} rollouts (${summary.n_errors} failed)${runDir ? ` -> ${runDir}` : ""}\n`,
  );
}

async function resume(flags: EvalFlags, io: EvalIo, runDir: string): Promise<number> {
  const state = await prepareResume(runDir);
  const { metadata } = state;
  io.stderr.write(
    `resuming ${runDir}: ${state.kept} rollouts done, ${state.retried} errored to re-run` +
      `${state.invalid ? `, ${state.invalid} unreadable line(s) dropped` : ""}\n`,
  );
  const hub = hubSettings(io.env);
  const environment = await setupEnvironment({
    // env_args holds only what -a gave; runs from before the vf-eval layout kept everything there.
    ...((metadata.env_options ?? metadata.env_args) as EnvironmentOptions),
    ...(hub ? { hub } : {}),
  });
  if (environment.dataset.rows.length !== metadata.num_examples) {
    throw new CliError({
      exitCode: 2,
      message: `${runDir}: the dataset now has ${environment.dataset.rows.length} examples, the run had ${metadata.num_examples}`,
    });
  }
  const outcome = await runModel({
    flags,
    io,
    environment,
    modelName: metadata.model,
    baseURL: flags.apiBaseUrl ?? metadata.base_url ?? undefined,
    apiKeyVar: metadata.api_key_var ?? flags.apiKeyVar,
    samplingArgs: metadata.sampling_args as SamplingArgs,
    rolloutsPerExample: metadata.rollouts_per_example,
    dataDir: resolveDataDir(flags, io),
    runId: metadata.run_id,
    resume: { runDir, state },
  }).finally(() => environment.close());
  printOutcome(io, flags, outcome.summary, outcome.runDir);
  return outcome.exitCode;
}

/** `pnpm eval [flags]`: evaluate one or more models; resolves to the exit code. */
export async function runEval(flags: EvalFlags, io: EvalIo): Promise<number> {
  loadDotenv(io.cwd, io.env);
  if (flags.resume) return resume(flags, io, resolve(io.cwd, flags.resume));
  const apiKey = io.env[flags.apiKeyVar];
  let models = flags.model;
  if (!models || models.length === 0) {
    if (apiKey || flags.apiBaseUrl) models = [DEFAULT_API_MODEL];
    else {
      models = [DEFAULT_OFFLINE_MODEL];
      io.stderr.write(
        `note: no API key in $${flags.apiKeyVar} and no --api-base-url, so this run evaluates the built-in ${DEFAULT_OFFLINE_MODEL}.\n` +
          `      To evaluate a real model: OPENAI_API_KEY=... pnpm eval -m ${DEFAULT_API_MODEL}\n` +
          "      or a local server: pnpm eval -m llama3.1 -b http://localhost:11434/v1 (Ollama, vLLM, OpenRouter, ...)\n",
      );
    }
  }
  const options = environmentOptions(flags, io);
  const environment = await setupEnvironment(options);
  await requireExamples(environment, options);
  io.stderr.write(
    `dataset ${environment.dataset.name} (${environment.dataset.tier}, split ${environment.dataset.split}): ${environment.dataset.rows.length} examples; ${environment.dataset.reason}\n`,
  );
  const runId = flags.runId ?? io.createRunId?.() ?? randomBytes(4).toString("hex");
  try {
    return await runModels({ flags, io, environment, models, runId });
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
}): Promise<number> {
  const { flags, io, environment, models, runId } = options;
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
    });
    printOutcome(io, flags, outcome.summary, outcome.runDir);
    exitCode = Math.max(exitCode, outcome.exitCode);
    if (io.signal?.aborted) break;
  }
  return exitCode;
}
