import type { JudgeStats } from "../judge/judge-stats.js";
import {
  DISAGREEMENT_HEADERS,
  disagreementCells,
  disagreementsLeftOut,
  JUDGE_OUTCOMES,
  JUDGE_RATE_LABELS,
  judgeOverviewRows,
  judgeTableNote,
} from "../judge/judge-rows.js";
import { escapeHtml } from "./escape-html.js";

const attribute = (value: number | null) => (value === null ? "" : String(value));

/** The overview's rates, by row label: their key and value for the row's data attributes. */
function rateAttributes(stats: JudgeStats): Map<string, [string, number | null]> {
  return new Map([
    [JUDGE_RATE_LABELS.yesRate, ["yes-rate", stats.yesRate]],
    [JUDGE_RATE_LABELS.agreement, ["agreement", stats.agreement]],
  ]);
}

/** A rate's row carries its value (empty and `data-undefined="true"` when undefined, shown as n/a). */
function overviewRow([label, value]: [string, string], rates: Map<string, [string, number | null]>): string {
  const rate = rates.get(label);
  const data = rate
    ? ` data-judge="${rate[0]}" data-value="${attribute(rate[1])}"${rate[1] === null ? ' data-undefined="true"' : ""}`
    : "";
  return `<tr${data}><th>${escapeHtml(label)}</th><td class="num">${escapeHtml(value)}</td></tr>`;
}

/** report.html's "Judge" section: overview, verdicts by programmatic outcome, disagreeing rollouts. */
export function renderJudgeSection(stats: JudgeStats): string {
  const rates = rateAttributes(stats);
  const overview = `<table class="metrics judge-overview"><tbody>${judgeOverviewRows(stats)
    .map((row) => overviewRow(row, rates))
    .join("")}</tbody></table>`;
  const rows = JUDGE_OUTCOMES.map(([key, name]) => ({ key, name, cell: stats.table[key] }));
  const total = rows.reduce(
    (sum, { cell }) => ({ yes: sum.yes + cell.yes, no: sum.no + cell.no, error: sum.error + cell.error }),
    { yes: 0, no: 0, error: 0 },
  );
  const line = (name: string, cell: typeof total, key?: string) =>
    `<tr><th>${escapeHtml(name)}</th>${(["yes", "no", "error"] as const)
      .map(
        (verdict) =>
          `<td class="num"${key ? ` data-outcome="${key}" data-verdict="${verdict}" data-count="${cell[verdict]}"` : ""}>${cell[verdict]}</td>`,
      )
      .join("")}<td class="num">${cell.yes + cell.no + cell.error}</td></tr>`;
  const body = [...rows.map(({ key, name, cell }) => line(name, cell, key)), line("Total", total)].join("");
  const table = `<table class="metrics judge-table"><thead><tr><th>Programmatic outcome</th><th class="num">Judge yes</th><th class="num">Judge no</th><th class="num">Judge error</th><th class="num">Total</th></tr></thead><tbody>${body}</tbody></table>
<p class="note">${escapeHtml(judgeTableNote(stats))}</p>`;
  let disagreements: string;
  if (stats.disagreements.total === 0) {
    disagreements = `<p class="note">${
      stats.judged === 0
        ? "Nothing was judged, so there is nothing to disagree on."
        : "The judge agrees with the programmatic accuracy on every judged rollout."
    }</p>`;
  } else {
    const head = DISAGREEMENT_HEADERS.map((title) => `<th>${escapeHtml(title)}</th>`).join("");
    const listed = stats.disagreements.listed
      .map(
        (item) =>
          `<tr data-disagreement="${escapeHtml(String(item.exampleId))}">${disagreementCells(item)
            .map((text) => `<td>${escapeHtml(text)}</td>`)
            .join("")}</tr>`,
      )
      .join("");
    const left = disagreementsLeftOut(stats);
    disagreements = `<div class="table-wrap"><table class="metrics judge-disagreements"><thead><tr>${head}</tr></thead><tbody>${listed}</tbody></table></div>${left ? `\n<p class="note">${escapeHtml(left)}</p>` : ""}`;
  }
  return `<h2>Judge</h2>
${overview}
<h3>Judge verdicts by programmatic outcome</h3>
${table}
<h3>Disagreements (${stats.disagreements.total})</h3>
${disagreements}`;
}
