import { formatUsd } from "../cost/run-cost.js";
import { formatNumber } from "../report/html/format-number.js";
import type { JudgeRunSummary } from "./judge-run-totals.js";

const percent = (share: number | null) => (share === null ? "n/a" : `${formatNumber(share * 100, 1)}%`);

/**
 * The end line's judge part: `; judge gpt-4.1-nano: yes 60.0% of 5 judged (agrees with accuracy 80.0%,
 * 1 judge error), judge cost $0.0002`. Rates read `n/a` when nothing was judged.
 */
export function judgeText(judge: JudgeRunSummary | undefined): string {
  if (!judge) return "";
  const errors =
    judge.n_judge_errors > 0
      ? `, ${judge.n_judge_errors} judge error${judge.n_judge_errors === 1 ? "" : "s"}`
      : "";
  return (
    `; judge ${judge.model}: yes ${percent(judge.yes_rate)} of ${judge.n_judged} judged ` +
    `(agrees with accuracy ${percent(judge.agreement_with_accuracy)}${errors}), judge cost ${formatUsd(judge.cost_usd)}`
  );
}
