import { formatNumber } from "../../report/html/format-number.js";
import type { RunSummary } from "../../run-output/build-summary.js";
import { fromSummaryMetrics } from "../../run-output/summary-metrics.js";
import { judgeText } from "../../judge/judge-text.js";
import { spendText, totalSpendText } from "./spend-text.js";

/** Options of {@link formatOutcomeLine}. */
export interface FormatOutcomeLineOptions {
  summary: RunSummary;
  /** Where the run was written, or null when nothing was saved. */
  runDir: string | null;
  /** `--max-cost` of this session, named next to a judged run's total spend. */
  maxCostUsd?: number;
}

/**
 * The line `pnpm eval` prints when a model's run ends. A rate that is undefined on the run (no attacks,
 * nothing answered, …) reads `n/a`. "accuracy (answered)" is over Benign/Malicious answers only. With
 * failed rollouts the reward is named twice: over the scored rollouts (summary.json `rewards`) and over
 * all of them with failed ones as 0 (metadata.json `avg_reward`, vf-eval's meaning). With a price, the run's
 * cost follows; a judged run's the judge's and the total that `--max-cost` limits.
 */
export function formatOutcomeLine(options: FormatOutcomeLineOptions): string {
  const { summary, runDir } = options;
  const { detection, calibration, abstention } = fromSummaryMetrics(summary.metrics);
  const scored = summary.n_rollouts - summary.n_errors;
  const meanReward = summary.rewards.mean_reward;
  const reward =
    summary.n_errors === 0
      ? `reward ${formatNumber(meanReward, 4)}`
      : `reward ${formatNumber(meanReward, 4)} over scored rollouts (avg_reward ${formatNumber(
          meanReward === null
            ? summary.n_rollouts > 0
              ? 0
              : null
            : (meanReward * scored) / summary.n_rollouts,
          4,
        )} with failed ones as 0)`;
  return (
    `${summary.model}: ${reward}, ` +
    `accuracy (answered) ${formatNumber(detection.accuracy)}, F1 ${formatNumber(detection.f1)}, ` +
    `FNR ${formatNumber(detection.fnr)}, ECE ${formatNumber(calibration.ece, 4)}, ` +
    `AURC ${formatNumber(abstention.aurc, 4)} over ${summary.n_rollouts} rollouts (${summary.n_errors} failed)` +
    `${spendText(summary)}${judgeText(summary.judge)}${totalSpendText(summary, options.maxCostUsd)}${runDir ? ` -> ${runDir}` : ""}`
  );
}
