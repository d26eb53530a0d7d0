import { ENV_VERSION, type Environment } from "@sv/env";
import type { SummaryRunInfo } from "./build-summary.js";
import type { RunAverages } from "./run-averages.js";
import { recordedEnvArgs } from "./recorded-env-args.js";
import type { RunMetadata } from "./run-metadata.js";

/** Options of {@link createRunMetadata}. */
export interface CreateRunMetadataOptions {
  environment: Environment;
  model: string;
  /** Redacted endpoint; null for baselines. */
  baseUrl: string | null;
  apiKeyVar: string | null;
  /** `-a/--env-args` as the user gave it (secrets are masked when recorded). */
  envArgs: Record<string, unknown>;
  rolloutsPerExample: number;
  samplingArgs: Record<string, unknown>;
  runId: string;
  /** ISO time the run first started. */
  startedAt: string;
  /** Milliseconds already spent (a resumed run's earlier time). */
  timeMs: number;
  systemPromptFile: string | null;
}

const EMPTY_AVERAGES: RunAverages = {
  avg_reward: null,
  avg_metrics: {},
  avg_error: null,
  usage: null,
  usage_total: { input_tokens: 0, output_tokens: 0 },
};

/** metadata.json of a run that is starting (status `running`, no averages yet). */
export function createRunMetadata(options: CreateRunMetadataOptions): RunMetadata {
  const { environment } = options;
  // The seed the example selection used (0 for `-n` without `--seed`); null when the file order was kept.
  const seed = environment.dataset.seed ?? null;
  return {
    env_id: environment.id,
    env_args: recordedEnvArgs(options.envArgs),
    model: options.model,
    base_url: options.baseUrl,
    num_examples: environment.dataset.rows.length,
    rollouts_per_example: options.rolloutsPerExample,
    shuffle: seed !== null,
    shuffle_seed: seed,
    sampling_args: options.samplingArgs,
    time: options.timeMs / 1000,
    time_ms: options.timeMs,
    ...EMPTY_AVERAGES,
    state_columns: [],
    version_info: { "@sv/env": ENV_VERSION, node: process.version },
    dataset: environment.dataset.name,
    timestamp: options.startedAt,
    seed,
    env_version: ENV_VERSION,
    api_key_var: options.apiKeyVar,
    dataset_info: {
      name: environment.dataset.name,
      source: environment.dataset.tier,
      split: environment.dataset.split,
      revision: environment.dataset.revision ?? null,
      path: environment.dataset.path ?? null,
    },
    env_options: { ...environment.options },
    run_id: options.runId,
    started_at: options.startedAt,
    status: "running",
    stop_reason: null,
    n_errors: 0,
    system_prompt_file: options.systemPromptFile,
  };
}

/** What summary.json needs from the metadata. */
export function summaryRunInfo(metadata: RunMetadata): SummaryRunInfo {
  return {
    env_id: metadata.env_id,
    run_id: metadata.run_id,
    started_at: metadata.started_at,
    model: metadata.model,
    dataset: metadata.dataset_info,
    seed: metadata.seed,
    version_info: metadata.version_info,
    system_prompt_file: metadata.system_prompt_file,
  };
}
