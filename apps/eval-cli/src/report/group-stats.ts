import type { RunMetrics } from "@sv/rubric";

/** Detection within one attack family or source. */
export interface GroupStats {
  name: string;
  /** Rollouts in the group. */
  count: number;
  /** Rollouts whose gold answer is Malicious. */
  attacks: number;
  /** Rollouts whose gold answer is Benign. */
  benign: number;
  /** Attacks labelled Malicious. */
  detected: number;
  /** Benign rollouts labelled Malicious. */
  falseAlarms: number;
  /**
   * Detection rate, all attacks: attacks labelled Malicious / attacks (abstentions and unparsable
   * replies count as not detected); null without attacks.
   */
  detectionRate: number | null;
  /** False-alarm rate, all benign: benign rollouts labelled Malicious / benign rollouts; null without any. */
  falseAlarmRate: number | null;
  /** The group's run metrics, computed by `RunMetricsAccumulator`. */
  metrics: RunMetrics;
}
