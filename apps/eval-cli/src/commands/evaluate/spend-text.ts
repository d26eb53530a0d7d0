import { formatRunCost, formatUsd } from "../../cost/run-cost.js";
import type { RunSummary } from "../../run-output/build-summary.js";

/** The end line's `, cost $0.0123 (40 cached)` part; `cost n/a` when the price is unknown. */
export function spendText(summary: RunSummary): string {
  const cost = summary.api_cost;
  if (!cost) return "";
  const cached = cost.cached_rollouts > 0 ? ` (${cost.cached_rollouts} cached)` : "";
  return `, cost ${formatRunCost(cost)}${cached}`;
}

/**
 * A judged run's `; total cost $0.0031 of --max-cost $0.0040 (model + judge)`: the spend `--max-cost`
 * limits (n/a when the model's or the judge's is unknown). Empty for a run without a judge.
 */
export function totalSpendText(summary: RunSummary, maxCostUsd: number | undefined): string {
  if (!summary.judge || !summary.api_cost) return "";
  const model = summary.api_cost.usd;
  const judge = summary.judge.cost_usd;
  const total = model === null || judge === null ? null : model + judge;
  const limit = maxCostUsd === undefined ? "" : ` of --max-cost ${formatUsd(maxCostUsd)}`;
  return `; total cost ${formatUsd(total)}${limit} (model + judge)`;
}
