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

/** Options of {@link undefinedRunMetrics}. */
export interface UndefinedRunMetricsOptions {
  /** Counts of the confusion matrix (`invalid` is not needed). */
  confusion: { tp: number; tn: number; fp: number; fn: number; abstain: number };
  /** Cost weights of `cost_weighted_accuracy` (default 10 / 1). */
  fnCostWeight?: number;
  fpCostWeight?: number;
}

/**
 * The run metrics that are undefined (a zero denominator) given only the confusion counts, in
 * {@link RUN_METRIC_NAMES} order: what `RunMetrics.undefined` lists. Lets a reader of an older
 * summary.json without `metrics.undefined` (or the original's) tell a real 0 from a placeholder.
 */
export function undefinedRunMetrics(options: UndefinedRunMetricsOptions): RunMetricName[] {
  const { tp, tn, fp, fn, abstain } = options.confusion;
  const decided = tp + tn + fp + fn;
  const costScale = Math.max(options.fnCostWeight ?? 10, options.fpCostWeight ?? 1);
  const undefinedWhen: Record<RunMetricName, boolean> = {
    "detection.tpr": tp + fn === 0,
    "detection.fpr": fp + tn === 0,
    "detection.fnr": tp + fn === 0,
    "detection.precision": tp + fp === 0,
    "detection.f1": tp + fn === 0,
    "detection.accuracy": decided === 0,
    "calibration.ece": decided === 0,
    "calibration.brier": decided === 0,
    "cost.cost_weighted_accuracy": !(decided * costScale > 0),
    "abstention.abstain_rate": decided + abstain === 0,
    "abstention.accuracy_non_abstained": decided === 0,
    "abstention.aurc": decided === 0,
    "abstention.aurc_101_thresholds": decided === 0,
  };
  return RUN_METRIC_NAMES.filter((name) => undefinedWhen[name]);
}
