import type { RunMetrics } from "@sv/rubric";
import type { RewardMeans } from "./run-summary.js";

/** Which way a metric improves, for marking the best run in a comparison. */
export type MetricDirection = "higher" | "lower" | "none";

/** A metric of the headline table, read from the run metrics and reward means. */
export interface HeadlineMetric {
  key: string;
  label: string;
  better: MetricDirection;
  read(metrics: RunMetrics, rewards: RewardMeans): number;
}

/** The headline metrics, in display order; each gets a bootstrap interval. */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  { key: "reward", label: "Mean reward", better: "higher", read: (_, rewards) => rewards.mean },
  { key: "reward_accuracy", label: "Reward: accuracy", better: "higher", read: (_, r) => r.accuracy },
  { key: "reward_format", label: "Reward: format", better: "higher", read: (_, r) => r.format },
  {
    key: "reward_calibration",
    label: "Reward: calibration",
    better: "higher",
    read: (_, r) => r.calibration,
  },
  {
    key: "reward_asymmetric_cost",
    label: "Reward: asymmetric cost",
    better: "higher",
    read: (_, r) => r.asymmetric_cost,
  },
  { key: "accuracy", label: "Accuracy", better: "higher", read: (m) => m.detection.accuracy },
  { key: "f1", label: "F1", better: "higher", read: (m) => m.detection.f1 },
  { key: "tpr", label: "TPR (recall)", better: "higher", read: (m) => m.detection.tpr },
  { key: "fpr", label: "FPR", better: "lower", read: (m) => m.detection.fpr },
  { key: "ece", label: "ECE", better: "lower", read: (m) => m.calibration.ece },
  { key: "brier", label: "Brier", better: "lower", read: (m) => m.calibration.brier },
  { key: "aurc", label: "AURC", better: "lower", read: (m) => m.abstention.aurc },
  { key: "abstain_rate", label: "Abstain rate", better: "none", read: (m) => m.abstention.abstain_rate },
  {
    key: "cost_weighted_accuracy",
    label: "Cost-weighted accuracy",
    better: "higher",
    read: (m) => m.cost.cost_weighted_accuracy,
  },
];

/** A metric value with its bootstrap 95% interval. */
export interface MetricInterval {
  value: number;
  low: number;
  high: number;
}
