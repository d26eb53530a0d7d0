import type { RunMetrics } from "./run-metrics.js";

/**
 * Dotted names of every run metric that can be undefined on a run (a rate whose denominator is zero):
 * the names listed in {@link RunMetrics.undefined} and in summary.json's `metrics.undefined`.
 */
export const RUN_METRIC_NAMES = [
  "detection.tpr",
  "detection.fpr",
  "detection.fnr",
  "detection.precision",
  "detection.f1",
  "detection.accuracy",
  "calibration.ece",
  "calibration.brier",
  "cost.cost_weighted_accuracy",
  "abstention.abstain_rate",
  "abstention.accuracy_non_abstained",
  "abstention.aurc",
  "abstention.aurc_101_thresholds",
] as const;

/** A dotted run metric name, e.g. `"detection.tpr"`. */
export type RunMetricName = (typeof RUN_METRIC_NAMES)[number];

/** Value of a run metric by its dotted name: a number, or null where it is undefined on the run. */
export function runMetricValue(metrics: RunMetrics, name: RunMetricName): number | null {
  const [group, key] = name.split(".") as [keyof RunMetrics, string];
  const value = (metrics[group] as unknown as Record<string, number | null>)[key];
  return value ?? null;
}
