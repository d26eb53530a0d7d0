import type { DatasetSource, HubOptions, Row, Sampling } from "@sv/dataset";
import {
  parseRubricMode,
  RUBRIC_MODES,
  type RubricCosts,
  type RubricMode,
  type RubricWeights,
} from "@sv/rubric";
import { z } from "zod";
import { ENV_ERROR_CODES, EnvError } from "./env-error.js";

/** Options of {@link loadEnvironment}. Each also accepts the original's snake_case name (`dataset_name`, …). */
export interface EnvironmentOptions {
  /** Dataset name resolved in `dataDir` (`iot23-train-dev-test-v1`, `synthetic`, …) or a `.jsonl` path. */
  datasetName?: string;
  /** `auto` (default), `local`, `hub`, `synthetic` or `demo`, as the original's `dataset_source`. */
  datasetSource?: DatasetSource;
  /**
   * Keep at most this many examples of the split: a seeded sample in which each label keeps its share
   * (see `sampling`).
   */
  maxExamples?: number;
  /** Directory of local datasets (default `$SV_DATA_DIR`, else `./data/e1`). */
  dataDir?: string;
  /** `meta.split` to keep (`train`, `dev`, `test`); `all` keeps every row. Default: `test` when present. */
  split?: string;
  /**
   * Seed of the `maxExamples` sample and of the row order (default 0 for a sample; without a seed or
   * `maxExamples` the file order is kept). The seed used is `dataset.seed`.
   */
  seed?: number;
  /** How `maxExamples` picks rows: `stratified` (default, seeded, label-stratified) or `head` (the first rows). */
  sampling?: Sampling;
  /** Rubric weight overrides. */
  weights?: Partial<RubricWeights>;
  /** Asymmetric-cost reward overrides. */
  costs?: Partial<RubricCosts>;
  /** Replaces the default system prompt. */
  systemPrompt?: string;
  /** Use these rows instead of loading a dataset (tests, in-memory data). */
  rows?: readonly Row[];
  /**
   * Hub settings (repo, token, endpoint, revision) for the hub tier; without them the loader reads
   * `E1_HF_REPO`, `HF_TOKEN` and `HF_ENDPOINT`. Never recorded in `options` (the token is a secret).
   */
  hub?: Pick<HubOptions, "repo" | "token" | "endpoint" | "revision" | "cacheDir">;
  /**
   * `single-turn` (default): one request, one answer. `multi-turn`: the model may call the flow tools
   * (a host's recent flows, the flows to a responder) before it answers, within `maxTurns`.
   */
  envMode?: EnvMode;
  /** Multi-turn: the flow index (default: `<dataset>.flows.sqlite` next to the local dataset file). */
  flowIndex?: string;
  /** Multi-turn: model requests per rollout, the final answer included (default 5). */
  maxTurns?: number;
  /**
   * How rollouts are rewarded: `executable` (default, the programmatic rubric), `judge` (the original's
   * `sv-netlogs-judge`: a judge model's yes/no, and the original judge environment's system prompt unless
   * `systemPrompt` is given) or `hybrid` (the programmatic total plus `judgeWeight` × a judge's score of
   * the rationale). `judge` and `hybrid` need `evaluate({judge})`. The original's `reward_source`
   * (`executable`, `llm_judge`, `hybrid`) is read too.
   */
  rubricMode?: RubricMode;
  /** Hybrid mode: weight of the rationale score (default 0.1, the original's `judge_weight`). */
  judgeWeight?: number;
  /** Aborts dataset loading. */
  signal?: AbortSignal;
}

/** The environment's modes. */
export const ENV_MODES = ["single-turn", "multi-turn"] as const;
export type EnvMode = (typeof ENV_MODES)[number];

const SNAKE_CASE_NAMES: Record<string, keyof EnvironmentOptions> = {
  dataset_name: "datasetName",
  dataset_source: "datasetSource",
  max_examples: "maxExamples",
  data_dir: "dataDir",
  system_prompt: "systemPrompt",
  env_mode: "envMode",
  flow_index: "flowIndex",
  max_turns: "maxTurns",
  rubric_mode: "rubricMode",
  reward_source: "rubricMode",
  judge_weight: "judgeWeight",
};

const numberRecord = z.record(z.string(), z.number());

const optionsSchema = z
  .object({
    datasetName: z.string().min(1).optional(),
    datasetSource: z.enum(["auto", "local", "hub", "synthetic", "demo"]).optional(),
    maxExamples: z.number().int().nonnegative().optional(),
    dataDir: z.string().min(1).optional(),
    split: z.string().min(1).optional(),
    seed: z.number().int().optional(),
    sampling: z.enum(["stratified", "head"]).optional(),
    weights: numberRecord.optional(),
    costs: numberRecord.optional(),
    systemPrompt: z.string().min(1).optional(),
    rows: z.array(z.unknown()).optional(),
    hub: z
      .object({
        repo: z.string().optional(),
        token: z.string().optional(),
        endpoint: z.string().optional(),
        revision: z.string().optional(),
        cacheDir: z.string().optional(),
      })
      .strict()
      .optional(),
    envMode: z.enum(ENV_MODES).optional(),
    flowIndex: z.string().min(1).optional(),
    maxTurns: z.number().int().min(1).optional(),
    rubricMode: z.enum(RUBRIC_MODES).optional(),
    judgeWeight: z.number().finite().min(0).optional(),
    signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal).optional(),
  })
  .strict();

function fail(message: string, cause?: unknown): never {
  throw new EnvError({ code: ENV_ERROR_CODES.invalidOptions, message, cause });
}

/**
 * Validate environment options strictly: an unknown option is an error (the original silently dropped
 * them). snake_case names are renamed to camelCase; giving both is an error.
 */
export function parseEnvironmentOptions(input: unknown = {}): EnvironmentOptions {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    fail(`environment options must be an object, got ${JSON.stringify(input)}`);
  }
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const name = SNAKE_CASE_NAMES[key] ?? key;
    if (name in renamed) fail(`environment option "${name}" is given twice (as "${key}" too)`);
    // The original's `reward_source` says `llm_judge` where we say `judge`.
    if (value !== undefined)
      renamed[name] = name === "rubricMode" ? (parseRubricMode(value) ?? value) : value;
  }
  const result = optionsSchema.safeParse(renamed);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const known = [...Object.keys(optionsSchema.shape), ...Object.keys(SNAKE_CASE_NAMES)].sort();
        return `unknown option(s) ${issue.keys.map((key) => `"${key}"`).join(", ")} (known: ${known.join(", ")})`;
      }
      return `${issue.path.join(".") || "(options)"}: ${issue.message}`;
    });
    fail(`invalid environment options: ${issues.join("; ")}`, result.error);
  }
  if (result.data.judgeWeight !== undefined && result.data.rubricMode !== "hybrid") {
    fail(
      `judgeWeight weighs the hybrid reward's judge score: it needs rubricMode "hybrid", not "${result.data.rubricMode ?? "executable"}"`,
    );
  }
  return result.data as EnvironmentOptions;
}
