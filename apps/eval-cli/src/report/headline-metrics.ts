import type { RunMetrics } from "@sv/rubric";
import type { RewardMeans } from "./run-summary.js";

/** Which way a metric improves, for marking the best run in a comparison. */
export type MetricDirection = "higher" | "lower" | "none";

/** A metric of the headline table, read from the run metrics and reward means. */
export interface HeadlineMetric {
  key: string;
  /** The one name this metric has on every page (table rows, scoreboards, notes). */
  label: string;
  better: MetricDirection;
  /** The value, or null where it is undefined on the run (shown as n/a, never ranked). */
  read(metrics: RunMetrics, rewards: RewardMeans): number | null;
}

/**
 * The headline metrics, in display order; each gets a bootstrap interval. "All rollouts" means every
 * rollout without a request error (an abstention or an unparsable reply counts as wrong); "answered"
 * means the rollouts labelled Benign or Malicious, the denominator of every detection and calibration
 * rate.
 */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  { key: "reward", label: "Mean reward", better: "higher", read: (_, rewards) => rewards.mean },
  {
    key: "reward_accuracy",
    label: "Accuracy, all rollouts (accuracy reward)",
    better: "higher",
    read: (_, r) => r.accuracy,
  },
  { key: "reward_format", label: "Format reward", better: "higher", read: (_, r) => r.format },
  { key: "reward_calibration", label: "Calibration reward", better: "higher", read: (_, r) => r.calibration },
  {
    key: "reward_asymmetric_cost",
    label: "Asymmetric-cost reward",
    better: "higher",
    read: (_, r) => r.asymmetric_cost,
  },
  { key: "accuracy", label: "Accuracy, answered", better: "higher", read: (m) => m.detection.accuracy },
  { key: "f1", label: "F1", better: "higher", read: (m) => m.detection.f1 },
  { key: "tpr", label: "TPR (recall)", better: "higher", read: (m) => m.detection.tpr },
  { key: "fpr", label: "FPR", better: "lower", read: (m) => m.detection.fpr },
  { key: "ece", label: "ECE", better: "lower", read: (m) => m.calibration.ece },
  { key: "brier", label: "Brier", better: "lower", read: (m) => m.calibration.brier },
  { key: "aurc", label: "AURC", better: "lower", read: (m) => m.abstention.aurc },
  {
    key: "aurc_101_thresholds",
    label: "AURC, original's 101 thresholds",
    better: "lower",
    read: (m) => m.abstention.aurc_101_thresholds,
  },
  { key: "abstain_rate", label: "Abstain rate", better: "none", read: (m) => m.abstention.abstain_rate },
  {
    key: "cost_weighted_accuracy",
    label: "Cost-weighted accuracy",
    better: "higher",
    read: (m) => m.cost.cost_weighted_accuracy,
  },
];

/** A metric value with its bootstrap 95% interval; null where undefined. */
export interface MetricInterval {
  value: number | null;
  low: number | null;
  high: number | null;
  /** Resamples on which the metric was defined (the interval is over those). */
  resamplesDefined: number;
}
