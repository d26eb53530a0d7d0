import { formatRunCost } from "../cost/run-cost.js";
import type { RunSummary } from "./run-summary.js";

/** `0.812`, or `n/a` for an undefined figure. */
export const figure = (value: number | null | undefined, digits = 3): string =>
  value === null || value === undefined || !Number.isFinite(value) ? "n/a" : value.toFixed(digits);

/** The report's "Cost and cache" lines as label/value pairs (markdown and HTML render the same rows). */
export function costRows(summary: RunSummary): [string, string][] {
  const cost = summary.api_cost;
  if (!cost) return [];
  const price =
    cost.price.input_per_mtok === null || cost.price.output_per_mtok === null
      ? `unknown (give --price-input and --price-output)`
      : `$${cost.price.input_per_mtok} / $${cost.price.output_per_mtok} per million input / output tokens (${cost.price.source})`;
  const rows: [string, string][] = [
    ["Cost", formatRunCost(cost)],
    ["Price", price],
    ["Paid rollouts", String(cost.paid_rollouts)],
    ["Tokens paid for", `${cost.input_tokens} input, ${cost.output_tokens} output`],
    ["Cached rollouts (cost 0)", String(cost.cached_rollouts)],
  ];
  // Absent in summaries written before partly cached multi-turn rollouts were counted.
  if ((cost.partly_cached_rollouts ?? 0) > 0) {
    rows.push(["Partly cached rollouts (cached turns cost 0)", String(cost.partly_cached_rollouts)]);
  }
  if ((cost.billed_failed_rollouts ?? 0) > 0) {
    rows.push(["Failed rollouts billed all the same (in the cost)", String(cost.billed_failed_rollouts)]);
  }
  if (cost.unknown_usage_rollouts > 0) {
    rows.push(["Rollouts with unknown usage (not in the cost)", String(cost.unknown_usage_rollouts)]);
  }
  return rows;
}

/** The report's "Rollouts per example" rows, or none with one rollout per example. */
export function rolloutStatsRows(summary: RunSummary): [string, string][] {
  const stats = summary.rollout_stats;
  if (!stats) return [];
  return [
    ...Object.entries(stats.pass_at_k).map(([k, value]): [string, string] => [`pass@${k}`, figure(value)]),
    ["Majority-vote accuracy", figure(stats.majority_vote_accuracy)],
    ["Mean reward per example", figure(stats.mean_reward, 4)],
    ["Mean std of reward per example", figure(stats.mean_reward_std, 4)],
    ["Examples whose labels all agree", figure(stats.label_agreement)],
  ];
}
