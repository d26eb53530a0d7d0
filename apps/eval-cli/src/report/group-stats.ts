import type { RunMetrics } from "@sv/rubric";

/** Detection within one attack family or source. */
export interface GroupStats {
  name: string;
  /** Rollouts in the group. */
  count: number;
  /** Rollouts whose gold answer is Malicious. */
  attacks: number;
  /** Attacks labelled Malicious / attacks (abstentions and unparsable replies count as not detected). */
  detectionRate: number;
  /** Benign rollouts labelled Malicious / benign rollouts. */
  falseAlarmRate: number;
  /** The group's run metrics, computed by `RunMetricsAccumulator`. */
  metrics: RunMetrics;
}
