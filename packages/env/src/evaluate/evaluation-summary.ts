import type { RewardVector, RunMetrics } from "@sv/rubric";

/** Why a run ended before every rollout was done. */
export interface StopReason {
  type: "aborted" | "max_consecutive_errors";
  message: string;
}

/** Progress after each finished rollout. */
export interface EvaluationProgress {
  done: number;
  total: number;
  errors: number;
  retries: number;
  /** Mean reward over the rollouts done so far without error. */
  meanReward: number;
  elapsedMs: number;
}

/** What {@link EvaluationRun.summary} resolves to once the run has ended. */
export interface EvaluationSummary {
  /** Rollouts planned (examples × rollouts per example, less those skipped). */
  total: number;
  /** Rollouts yielded (with or without error). */
  done: number;
  errors: number;
  /** Retries across all rollouts. */
  retries: number;
  /** Mean weighted reward and mean of each reward over the rollouts without error. */
  rewards: { reward: number } & RewardVector;
  /** Run-level metrics (completion order; the CLI recomputes them in example order). */
  metrics: RunMetrics;
  usage: { input_tokens: number; output_tokens: number };
  elapsedMs: number;
  stopReason: StopReason | null;
}
