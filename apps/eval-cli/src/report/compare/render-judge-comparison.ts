import { formatUsd } from "../../cost/run-cost.js";
import { escapeHtml } from "../html/escape-html.js";
import { judgeCostUsd } from "../judge/judge-stats-accumulator.js";
import { markdownText } from "../markdown/markdown-text.js";
import { figure } from "../run-extras-rows.js";
import type { RunReportData } from "../run-report-data.js";

const HEADER = [
  "Run",
  "Model",
  "Rubric mode",
  "Judge model",
  "Judged",
  "Judge errors",
  "Yes rate",
  "Agreement with accuracy",
  "Disagreements",
  "Programmatic mean reward",
  "Judge cost",
];

function cells(run: RunReportData, index: number): string[] {
  const judge = run.judge;
  const head = [`${index + 1}`, run.summary.model];
  if (!judge) return [...head, "executable", "-", "-", "-", "-", "-", "-", "-", "-"];
  return [
    ...head,
    judge.mode,
    judge.model ?? "unknown",
    String(judge.judged),
    String(judge.errors),
    figure(judge.yesRate),
    figure(judge.agreement),
    String(judge.disagreements.total),
    figure(judge.programmaticMeanReward, 4),
    formatUsd(judgeCostUsd(judge)),
  ];
}

const NOTE =
  "Agreement: judged rollouts where the judge says yes to a reply with accuracy reward 1, or no to any other; n/a when nothing was judged. Runs without a judge show -.";

/** Whether any run of a comparison has a judge (only then do the pages get a judge table). */
export const anyJudge = (runs: RunReportData[]): boolean => runs.some((run) => run.judge !== undefined);

/** The comparison's judge table in markdown (scoreboard.md), or nothing when no run has a judge. */
export function renderJudgeComparisonMarkdown(runs: RunReportData[]): string[] {
  if (!anyJudge(runs)) return [];
  return [
    "## Judge",
    "",
    `| ${HEADER.join(" | ")} |`,
    `|${HEADER.map((_, index) => (index > 0 && index < 4 ? "---" : "---:")).join("|")}|`,
    ...runs.map((run, index) => `| ${cells(run, index).map(markdownText).join(" | ")} |`),
    "",
    NOTE,
    "",
  ];
}

/** The same table in comparison.html, or an empty string. */
export function renderJudgeComparisonHtml(runs: RunReportData[]): string {
  if (!anyJudge(runs)) return "";
  const head = HEADER.map((title) => `<th>${escapeHtml(title)}</th>`).join("");
  const body = runs
    .map(
      (run, index) =>
        `<tr data-run="${index}" data-judge-agreement="${run.judge?.agreement ?? ""}" data-judge-yes-rate="${run.judge?.yesRate ?? ""}">${cells(
          run,
          index,
        )
          .map((cell) => `<td>${escapeHtml(cell)}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  return `\n<h2>Judge</h2>\n<div class="table-wrap"><table class="scoreboard judge-comparison"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>\n<p class="note">${escapeHtml(NOTE)}</p>`;
}
