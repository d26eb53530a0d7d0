import type { RunSummary } from "../run-summary.js";
import { costRows, rolloutStatsRows } from "../run-extras-rows.js";
import { escapeHtml } from "./escape-html.js";

const table = (rows: [string, string][]) =>
  `<table class="metrics"><tbody>${rows
    .map(
      ([label, value]) => `<tr><th>${escapeHtml(label)}</th><td class="num">${escapeHtml(value)}</td></tr>`,
    )
    .join("")}</tbody></table>`;

/** report.html's "Cost and cache" and (with k >= 2) "Rollouts per example" sections. */
export function renderExtrasSection(summary: RunSummary): string {
  const parts: string[] = [];
  const cost = costRows(summary);
  if (cost.length > 0) parts.push(`<h2>Cost and cache</h2>\n${table(cost)}`);
  const stats = rolloutStatsRows(summary);
  if (stats.length > 0) {
    parts.push(
      `<h2>Rollouts per example (k = ${summary.rollout_stats!.k})</h2>\n${table(stats)}\n<p class="note">pass@j: unbiased estimator (Chen et al. 2021); a tie in the majority vote counts as wrong.</p>`,
    );
  }
  return parts.join("\n");
}
