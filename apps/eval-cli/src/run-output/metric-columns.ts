import { REWARD_NAMES, type RewardVector } from "@sv/rubric";

/**
 * The original environment's reward-function names (`reward_accuracy`, the parser's `format_reward`,
 * `reward_calibration`, `reward_asymmetric_cost`), which vf-eval uses as metric names: in each row's
 * `metrics`, as top-level columns, and in `avg_metrics`.
 */
export const METRIC_COLUMNS = {
  accuracy: "reward_accuracy",
  format: "format_reward",
  calibration: "reward_calibration",
  asymmetric_cost: "reward_asymmetric_cost",
} as const satisfies Record<keyof RewardVector, string>;

/** A metric column name, e.g. `reward_accuracy`. */
export type MetricColumn = (typeof METRIC_COLUMNS)[keyof RewardVector];

/** The four rewards under their column names. */
export type MetricColumns = Record<MetricColumn, number>;

/** Rename the rubric's rewards to the original's column names. */
export function toMetricColumns(rewards: RewardVector): MetricColumns {
  const columns = {} as MetricColumns;
  for (const name of REWARD_NAMES) columns[METRIC_COLUMNS[name]] = rewards[name];
  return columns;
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * The rubric's rewards from a record holding all four, under the column names (`reward_accuracy`, …) or
 * the rubric's own (`accuracy`, …, as our runs before the rename wrote them); `undefined` if any is missing.
 */
export function fromMetricColumns(record: Record<string, unknown> | undefined): RewardVector | undefined {
  if (!record) return undefined;
  const rewards = {} as RewardVector;
  for (const name of REWARD_NAMES) {
    const value = record[METRIC_COLUMNS[name]] ?? record[name];
    if (!isNumber(value)) return undefined;
    rewards[name] = value;
  }
  return rewards;
}
