import { ENV_VERSION, type RolloutResult } from "@sv/env";
import type { Label } from "@sv/parser";
import { REWARD_NAMES, type RewardName, type RewardVector, RunMetricsAccumulator } from "@sv/rubric";
import type { RunCost } from "../cost/run-cost.js";
import type { JudgeSummary } from "../report/judge/judge-stats.js";
import type { RolloutStats } from "../report/rollout-stats.js";
import type { DatasetInfo } from "./run-metadata.js";
import { summaryEnvironment } from "./summary-environment.js";
import { type SummaryMetrics, toSummaryMetrics } from "./summary-metrics.js";

/** Mean weighted reward and mean of each reward over rollouts without error; null when there are none. */
export type SummaryRewards = { mean_reward: number | null } & { [name in RewardName]: number | null };

/** summary.json: the original's schema plus a `rewards` block and error counts. */
export interface RunSummary {
  environment: string;
  version: string;
  run_id: string;
  timestamp: string;
  model: string;
  dataset: string;
  /**
   * Rollouts in results.jsonl, failed ones included: the original's `bench/report.py` writes
   * `len(results)` here, so the field means what it means there (equal to the examples at `-r 1`).
   */
  n_examples: number;
  /** Distinct examples with at least one rollout. */
  n_distinct_examples: number;
  n_rollouts: number;
  /** Rollouts that failed after their retries; left out of `metrics` and `rewards`. */
  n_errors: number;
  /** The original's metrics block; undefined rates are listed in `metrics.undefined` (see {@link SummaryMetrics}). */
  metrics: SummaryMetrics;
  /** Mean weighted reward and mean of each reward over rollouts without error (null with none). */
  rewards: SummaryRewards;
  metadata: Record<string, unknown>;
  /** Ours: dollars from token usage and price, and cache hits (see `report/run-extras.ts`). */
  api_cost?: RunCost;
  /** Ours, with two or more rollouts per example: pass@k, majority vote, spread, agreement. */
  rollout_stats?: RolloutStats;
  /** Ours, for judge and hybrid runs: verdicts, agreement with the programmatic accuracy, judge cost. */
  judge?: JudgeSummary;
}

/** What summary.json says about the run. */
export interface SummaryRunInfo {
  env_id: string;
  run_id: string;
  /** ISO time of the run (summary.json's `timestamp`). */
  started_at: string;
  model: string;
  dataset: Pick<DatasetInfo, "name"> & Partial<DatasetInfo>;
  /** The seed that ordered the examples; left out of summary.json when null (the schema wants an integer). */
  seed: number | null;
  version_info?: Record<string, string>;
  system_prompt_file?: string | null;
}

export interface BuildSummaryOptions {
  /** The rollouts, in any order (e.g. `readResults(path)`); a later duplicate of a rollout wins. */
  results: AsyncIterable<RolloutResult> | Iterable<RolloutResult>;
  metadata: SummaryRunInfo;
  /**
   * Version of the environment (default `metadata.version_info["@sv/env"]`, else this package's `@sv/env`,
   * whose metrics code computes the summary).
   */
  version?: string;
  /** Costs of a missed attack / false alarm in `metrics.cost` (default 10 / 1, as the original). */
  fnCostWeight?: number;
  fpCostWeight?: number;
}

interface Compact {
  example: number | string;
  rollout: number;
  label: Label | null;
  confidence: number;
  answer: string;
  reward: number;
  rewards: RewardVector;
  error: boolean;
}

function compact(result: RolloutResult): Compact {
  return {
    example: result.example_id,
    rollout: result.rollout_index,
    label: result.parsed.label,
    confidence: result.parsed.confidence,
    answer: result.answer,
    reward: result.reward,
    rewards: result.metrics,
    error: result.error !== null && result.error !== undefined,
  };
}

// Numeric keys: example_id * 2^20 + rollout_index (exact below 2^53), far lighter than string keys.
// Runs of other tools may name examples with strings; those get string keys.
const keyOf = (result: RolloutResult): number | string =>
  Number.isSafeInteger(result.example_id)
    ? result.example_id * 1_048_576 + result.rollout_index
    : `${String(result.example_id)}\u0000${result.rollout_index}`;

/** Numbers first, in numeric order, then strings. */
function compareExamples(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Build summary.json from results. Rollouts are sorted by (example_id, rollout_index) before summing,
 * so the numbers do not depend on completion order: a killed-then-resumed run gives the same summary
 * as an uninterrupted one. Keeps only a few numbers per rollout in memory.
 */
export async function buildSummary(options: BuildSummaryOptions): Promise<RunSummary> {
  const byKey = new Map<number | string, Compact>();
  for await (const result of options.results) byKey.set(keyOf(result), compact(result));
  return summarize(byKey, options);
}

/** {@link buildSummary} over results already in memory. */
export function buildSummarySync(
  options: BuildSummaryOptions & { results: Iterable<RolloutResult> },
): RunSummary {
  const byKey = new Map<number | string, Compact>();
  for (const result of options.results) byKey.set(keyOf(result), compact(result));
  return summarize(byKey, options);
}

function summarize(byKey: Map<number | string, Compact>, options: BuildSummaryOptions): RunSummary {
  const rollouts = [...byKey.values()].sort(
    (a, b) => compareExamples(a.example, b.example) || a.rollout - b.rollout,
  );
  const accumulator = new RunMetricsAccumulator({
    fnCostWeight: options.fnCostWeight,
    fpCostWeight: options.fpCostWeight,
  });
  const sums: RewardVector = { accuracy: 0, format: 0, calibration: 0, asymmetric_cost: 0 };
  let rewardSum = 0;
  let scored = 0;
  const examples = new Set<number | string>();
  for (const rollout of rollouts) {
    examples.add(rollout.example);
    if (rollout.error) continue;
    scored++;
    rewardSum += rollout.reward;
    for (const name of REWARD_NAMES) sums[name] += rollout.rewards[name];
    accumulator.add({ label: rollout.label, confidence: rollout.confidence, answer: rollout.answer });
  }
  const mean = (sum: number) => (scored > 0 ? sum / scored : null);
  const { metadata } = options;
  const version = options.version ?? metadata.version_info?.["@sv/env"] ?? ENV_VERSION;
  const extra: Record<string, unknown> = {};
  if (Number.isInteger(metadata.seed)) extra.seed = metadata.seed;
  extra.env_version = version;
  if (metadata.system_prompt_file) extra.system_prompt_file = metadata.system_prompt_file;
  const { environment, envId } = summaryEnvironment(metadata.env_id);
  if (envId !== undefined) extra.env_id = envId;
  return {
    environment,
    version,
    run_id: metadata.run_id,
    timestamp: metadata.started_at,
    model: metadata.model,
    dataset: metadata.dataset.name,
    n_examples: rollouts.length,
    n_distinct_examples: examples.size,
    n_rollouts: rollouts.length,
    n_errors: rollouts.length - scored,
    metrics: toSummaryMetrics(accumulator.result()),
    rewards: {
      mean_reward: mean(rewardSum),
      accuracy: mean(sums.accuracy),
      format: mean(sums.format),
      calibration: mean(sums.calibration),
      asymmetric_cost: mean(sums.asymmetric_cost),
    },
    metadata: extra,
  };
}
