import { formatNumber } from "../../report/html/format-number.js";
import type { RunSummary } from "../../run-output/build-summary.js";
import { fromSummaryMetrics } from "../../run-output/summary-metrics.js";

/** Options of {@link formatOutcomeLine}. */
export interface FormatOutcomeLineOptions {
  summary: RunSummary;
  /** Where the run was written, or null when nothing was saved. */
  runDir: string | null;
}

/**
 * The line `pnpm eval` prints when a model's run ends. A rate that is undefined on the run (no attacks,
 * nothing answered, …) reads `n/a`. "accuracy (answered)" is over Benign/Malicious answers only.
 */
export function formatOutcomeLine(options: FormatOutcomeLineOptions): string {
  const { summary, runDir } = options;
  const { detection, calibration, abstention } = fromSummaryMetrics(summary.metrics);
  return (
    `${summary.model}: reward ${formatNumber(summary.rewards.mean_reward, 4)}, ` +
    `accuracy (answered) ${formatNumber(detection.accuracy)}, F1 ${formatNumber(detection.f1)}, ` +
    `FNR ${formatNumber(detection.fnr)}, ECE ${formatNumber(calibration.ece, 4)}, ` +
    `AURC ${formatNumber(abstention.aurc, 4)} over ${summary.n_rollouts} rollouts (${summary.n_errors} failed)` +
    `${runDir ? ` -> ${runDir}` : ""}`
  );
}
