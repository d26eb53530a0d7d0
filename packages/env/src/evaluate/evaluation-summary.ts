import type { RewardVector, RunMetrics } from "@sv/rubric";
import type { JudgeSummary } from "../judge/judge-summary.js";

/** Why a run ended before every rollout was done. */
export interface StopReason {
  /** `max_cost`: a request would have passed the spending limit (see `MODEL_ERROR_KINDS.budgetExceeded`). */
  type: "aborted" | "max_consecutive_errors" | "max_cost";
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
  /** Pool-wide pauses after a 429 so far (always set by `evaluate()`; 0 with `sharedRateLimit: false`). */
  rateLimitPauses?: number;
  /** Time the pool has been paused by 429s so far, in ms (overlaps counted once). */
  rateLimitPausedMs?: number;
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
  /** Tokens summed over the rollouts whose counts are known. */
  usage: { input_tokens: number; output_tokens: number };
  /** Rollouts whose token usage is unknown (the server reported none, null or a negative count). */
  unknownUsage: number;
  /** Rollouts where the model refused to answer (each row has `refusal`). */
  refusals: number;
  elapsedMs: number;
  /** Pool-wide pauses after a 429 (an extension of a running pause is not a new one). */
  rateLimitPauses: number;
  /** Time the pool was paused by 429s, in ms (overlapping pauses counted once). */
  rateLimitPausedMs: number;
  stopReason: StopReason | null;
  /** Judge and hybrid modes: verdicts, judge errors, judge tokens (apart from the model's `usage`). */
  judge?: JudgeSummary;
}
