import { formatRunCost } from "../../cost/run-cost.js";
import { escapeHtml } from "../html/escape-html.js";
import { markdownText } from "../markdown/markdown-text.js";
import { figure } from "../run-extras-rows.js";
import type { RunReportData } from "../run-report-data.js";

const HEADER = ["Model", "Run", "Cost", "Cached", "pass@1", "pass@k", "Majority", "Agree", "Reward std"];

function cells(run: RunReportData): string[] {
  const { summary } = run;
  const stats = summary.rollout_stats;
  const passK = stats ? stats.pass_at_k[String(stats.k)] : undefined;
  return [
    summary.model,
    summary.run_id,
    summary.api_cost ? formatRunCost(summary.api_cost) : "n/a",
    summary.api_cost ? String(summary.api_cost.cached_rollouts) : "n/a",
    figure(stats?.pass_at_k["1"]),
    stats ? `${figure(passK)} (k=${stats.k})` : "n/a",
    figure(stats?.majority_vote_accuracy),
    figure(stats?.label_agreement),
    figure(stats?.mean_reward_std, 4),
  ];
}

/** The comparison's cost and several-rollouts table, in markdown (appended to scoreboard.md). */
export function renderExtrasComparisonMarkdown(runs: RunReportData[]): string[] {
  return [
    "## Cost and rollouts per example",
    "",
    `| ${HEADER.join(" | ")} |`,
    `|${HEADER.map((_, index) => (index < 2 ? "---" : "---:")).join("|")}|`,
    ...runs.map((run) => `| ${cells(run).map(markdownText).join(" | ")} |`),
    "",
  ];
}

/** The same table in comparison.html. */
export function renderExtrasComparisonHtml(runs: RunReportData[]): string {
  const head = HEADER.map((title) => `<th>${escapeHtml(title)}</th>`).join("");
  const body = runs
    .map(
      (run) =>
        `<tr>${cells(run)
          .map((cell) => `<td>${escapeHtml(cell)}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  return `<h2>Cost and rollouts per example</h2>\n<div class="table-wrap"><table class="scoreboard"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
