import type { RubricMode } from "@sv/rubric";
import type { MetricColumns } from "./metric-columns.js";

/**
 * The judge's metric column, named as the original's reward function: `judge_reward` (judge mode, the
 * original's `sv-netlogs-judge`) or `judge_rationale_reward` (hybrid mode, ours).
 */
export const JUDGE_METRIC_COLUMNS = { judge: "judge_reward", hybrid: "judge_rationale_reward" } as const;

/** Judge mode's metrics (`{judge_reward}`) or hybrid mode's (the four and `judge_rationale_reward`). */
export type JudgeMetricColumns =
  | { judge_reward: number }
  | (MetricColumns & { judge_rationale_reward: number });

/** `programmatic` of a judged row: the executable rubric's reward and four metrics. */
export type ProgrammaticColumns = { reward: number } & MetricColumns;

/** Options of {@link judgeMetricColumns}. */
export interface JudgeMetricColumnsOptions {
  mode: Exclude<RubricMode, "executable">;
  /** The four metric columns of the row. */
  programmatic: MetricColumns;
  /** The judge's score (0 for a failed rollout). */
  score: number;
}

/** A judged row's `metrics` (and top-level columns). */
export function judgeMetricColumns(options: JudgeMetricColumnsOptions): JudgeMetricColumns {
  if (options.mode === "judge") return { judge_reward: options.score };
  return { ...options.programmatic, judge_rationale_reward: options.score };
}
