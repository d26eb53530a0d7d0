import { formatRunCost } from "../../cost/run-cost.js";
import type { RunSummary } from "../../run-output/build-summary.js";

/** The end line's `, cost $0.0123 (40 cached)` part; `cost n/a` when the price is unknown. */
export function spendText(summary: RunSummary): string {
  const cost = summary.api_cost;
  if (!cost) return "";
  const cached = cost.cached_rollouts > 0 ? ` (${cost.cached_rollouts} cached)` : "";
  return `, cost ${formatRunCost(cost)}${cached}`;
}
