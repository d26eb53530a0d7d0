import type { RunMetricName } from "@sv/rubric";

const REASONS: Record<RunMetricName, string> = {
  "detection.tpr": "no answered rollout has a Malicious gold answer",
  "detection.fnr": "no answered rollout has a Malicious gold answer",
  "detection.f1": "no answered rollout has a Malicious gold answer",
  "detection.fpr": "no answered rollout has a Benign gold answer",
  "detection.precision": "no rollout was labelled Malicious",
  "detection.accuracy": "no answered rollouts",
  "calibration.ece": "no answered rollouts",
  "calibration.brier": "no answered rollouts",
  "cost.cost_weighted_accuracy": "no answered rollouts (or both cost weights are 0)",
  "abstention.abstain_rate": "no rollout carried a label",
  "abstention.accuracy_non_abstained": "no answered rollouts",
  "abstention.aurc": "no answered rollouts",
  "abstention.aurc_101_thresholds": "no answered rollouts",
};

/** Why a run metric is undefined (its denominator is zero), in words for the report. */
export function undefinedReason(name: RunMetricName): string {
  return REASONS[name];
}

/** One sentence listing the undefined metrics of a run with their reasons; empty when there are none. */
export function describeUndefined(names: readonly RunMetricName[]): string {
  if (names.length === 0) return "";
  const byReason = new Map<string, string[]>();
  for (const name of names) {
    const reason = undefinedReason(name);
    byReason.set(reason, [...(byReason.get(reason) ?? []), name]);
  }
  const parts = [...byReason].map(([reason, grouped]) => `${grouped.join(", ")} (${reason})`);
  return `Undefined on this run, shown as n/a and never ranked: ${parts.join("; ")}.`;
}
