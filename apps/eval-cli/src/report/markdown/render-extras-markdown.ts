import type { RunSummary } from "../run-summary.js";
import { costRows, rolloutStatsRows } from "../run-extras-rows.js";
import { markdownText } from "./markdown-text.js";

const table = (rows: [string, string][]) => [
  "| Metric | Value |",
  "|--------|-------|",
  ...rows.map(([label, value]) => `| ${markdownText(label)} | ${markdownText(value)} |`),
  "",
];

/** report.md's "Cost and Cache" and (with k >= 2) "Rollouts per Example" sections. */
export function renderExtrasMarkdown(summary: RunSummary): string[] {
  const lines: string[] = [];
  const cost = costRows(summary);
  if (cost.length > 0) lines.push("## Cost and Cache", "", ...table(cost));
  const stats = rolloutStatsRows(summary);
  if (stats.length > 0) {
    lines.push(
      `## Rollouts per Example (k = ${summary.rollout_stats!.k})`,
      "",
      ...table(stats),
      `pass@j: unbiased estimator (Chen et al. 2021) over the examples with at least j scored rollouts (${summary.rollout_stats!.n_examples} have one or more; failed rollouts are left out). An abstention or unparsable reply is a vote for no label; a tie in the majority vote counts as wrong. The spread and the agreement are over examples with at least 2 scored rollouts.`,
      "",
    );
  }
  return lines;
}
