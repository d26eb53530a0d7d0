import { resolve } from "node:path";
import { DEFAULT_MAX_TURNS } from "@sv/env";
import { CliError } from "../../cli-error.js";
import type { RunMetadata } from "../../run-output/run-metadata.js";
import type { EvalFlags } from "./eval-flags.js";

/**
 * Flags that change how a resumed run is carried out but not what it computes; they apply to the rest of
 * the run. `--api-base-url`, `--api-key-var` and `--data-dir` say where to find the same endpoint, key and
 * data (the dataset fingerprint still has to match). Prices and `--max-cost` apply to the whole run: what it
 * had spent (model and judge) is recomputed from its results at the prices given.
 */
const APPLIED = new Set([
  "maxConcurrent",
  "requestRetries",
  "requestTimeout",
  "maxConsecutiveErrors",
  "sharedRateLimit",
  "verbose",
  "json",
  "apiBaseUrl",
  "apiKeyVar",
  "dataDir",
  "resume",
  "retryErrors",
  "cache",
  "priceInput",
  "priceOutput",
  "judgePriceInput",
  "judgePriceOutput",
  "maxCost",
  "config",
  // Where to find the same judge and its key.
  "judgeBaseUrl",
  "judgeApiKeyVar",
]);

const kebab = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Options of {@link checkResumeFlags}. */
export interface CheckResumeFlagsOptions {
  flags: EvalFlags;
  metadata: RunMetadata;
  /** The environment options the run is loaded with again. */
  environmentOptions: Record<string, unknown>;
  /** Whether the run folder was named (else found by model, so `--output-dir` and `-m` chose it). */
  pathGiven: boolean;
  cwd: string;
  /** `--resume` or `--retry-errors`, for messages. */
  flagName: string;
}

/**
 * Each flag given with `--resume` is applied (it only changes how the rest runs), accepted (it repeats the
 * run's own value) or refused: a resumed run keeps its model, examples, rollouts and sampling, so a flag
 * that would change them throws a {@link CliError} naming it and the run's value. Nothing is ignored.
 */
export function checkResumeFlags(options: CheckResumeFlagsOptions): void {
  const { flags, metadata } = options;
  const stored = options.environmentOptions;
  const fingerprint = metadata.dataset_fingerprint;
  const sampling = metadata.sampling_args ?? {};
  /** For each flag that must repeat the run: the run's value(s) it may equal. */
  const runValues: Record<string, (value: unknown) => { ok: boolean; run: unknown }> = {
    model: (value) => ({ ok: same(value, [metadata.model]), run: metadata.model }),
    rolloutsPerExample: (value) => ({
      ok: value === metadata.rollouts_per_example,
      run: metadata.rollouts_per_example,
    }),
    numExamples: (value) => ({
      ok:
        value === metadata.num_examples ||
        value === stored.maxExamples ||
        ((value as number) < 0 && stored.maxExamples === undefined),
      run: stored.maxExamples ?? "all",
    }),
    seed: (value) => {
      const run = fingerprint?.seed ?? metadata.seed ?? stored.seed ?? null;
      return { ok: value === run, run: run ?? "none" };
    },
    split: (value) => {
      const run = stored.split ?? fingerprint?.split;
      return { ok: value === run || value === fingerprint?.split, run };
    },
    dataset: (value) => {
      const run = stored.datasetName ?? fingerprint?.name;
      const path = fingerprint?.path;
      const ok =
        value === run ||
        value === fingerprint?.name ||
        (path != null && resolve(options.cwd, String(value)) === path);
      return { ok, run };
    },
    datasetSource: (value) => {
      const run = stored.datasetSource ?? "auto";
      return { ok: value === run || value === fingerprint?.source, run };
    },
    envMode: (value) => {
      const run = stored.envMode ?? "single-turn";
      return { ok: value === run, run };
    },
    maxTurns: (value) => {
      const run = stored.maxTurns ?? DEFAULT_MAX_TURNS;
      return { ok: value === run, run };
    },
    flowIndex: (value) => {
      const run = stored.flowIndex ?? "the dataset's own";
      return { ok: resolve(options.cwd, String(value)) === run, run };
    },
    samplingArgs: (value) => {
      const entries = Object.entries(value as Record<string, unknown>);
      return { ok: entries.every(([name, given]) => same(sampling[name], given)), run: sampling };
    },
    maxTokens: (value) => ({
      ok: sampling.max_tokens === value || sampling.max_completion_tokens === value,
      run: sampling.max_tokens ?? "unset",
    }),
    temperature: (value) => ({ ok: sampling.temperature === value, run: sampling.temperature ?? "unset" }),
    envArgs: (value) => {
      const entries = Object.entries(value as Record<string, unknown>);
      return {
        ok: entries.every(([name, given]) => same(stored[camel(name)], given)),
        run: metadata.env_args,
      };
    },
    systemPromptFile: (value) => ({
      ok: value === metadata.system_prompt_file,
      run: metadata.system_prompt_file ?? "none",
    }),
    runId: (value) => ({ ok: value === metadata.run_id, run: metadata.run_id }),
    rubric: (value) => {
      const run = stored.rubricMode ?? "executable";
      return { ok: value === run, run };
    },
    judgeModel: (value) => {
      const run = metadata.rubric?.judge_model ?? "no judge";
      return { ok: value === run, run };
    },
    judgeWeight: (value) => {
      const run = metadata.rubric?.judge_weight ?? (stored.rubricMode === "hybrid" ? 0.1 : "no judge weight");
      return { ok: value === run, run };
    },
    judgeSamplingArgs: (value) => {
      const judgeSampling = metadata.rubric?.judge_sampling_args;
      const entries = Object.entries(value as Record<string, unknown>);
      return {
        ok: judgeSampling !== undefined && entries.every(([name, given]) => same(judgeSampling[name], given)),
        run: judgeSampling ?? "no judge",
      };
    },
    saveResults: (value) => ({ ok: value === true, run: "saved" }),
  };
  const refused: string[] = [];
  for (const key of flags.given ?? []) {
    if (APPLIED.has(key)) continue;
    const value = (flags as Record<string, unknown>)[key];
    if (key === "outputDir" && !options.pathGiven) continue;
    if (key === "model" && !options.pathGiven) continue;
    const check = runValues[key];
    if (!check) {
      refused.push(`${kebab(key)} (has no effect on a run folder that is named)`);
      continue;
    }
    const { ok, run } = check(value);
    if (ok) continue;
    refused.push(
      key === "saveResults"
        ? "--no-save-results (a resumed run writes into its folder)"
        : `${kebab(key)} ${JSON.stringify(value)} (the run has ${JSON.stringify(run)})`,
    );
  }
  if (refused.length > 0) {
    throw new CliError({
      exitCode: 2,
      message:
        `${options.flagName}: ${refused.join("; ")}: a resumed run keeps its model, examples, rollouts, sampling and rubric (judge). ` +
        "Drop these flags, or start a new run",
    });
  }
}
