import type { RunMetrics } from "@sv/rubric";

/** Mean reward and the means of its four components. */
export interface RewardMeans {
  mean: number;
  accuracy: number;
  format: number;
  calibration: number;
  asymmetric_cost: number;
}

/** `summary.json`: the original's schema (bench/schemas/summary.schema.json) plus a `rewards` block. */
export interface RunSummary {
  environment: string;
  /** Version of the metrics specification. */
  version: string;
  run_id: string;
  /** ISO 8601; taken from the run, so regenerating gives the same bytes. */
  timestamp: string;
  model: string;
  dataset: string;
  /** Rollouts scored (the original counts result lines). */
  n_examples: number;
  metrics: RunMetrics;
  rewards: RewardMeans;
  metadata: { seed?: number; env_version?: string; split?: string; rollouts_per_example?: number };
}
