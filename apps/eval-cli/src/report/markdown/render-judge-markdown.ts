import type { JudgeStats } from "../judge/judge-stats.js";
import {
  DISAGREEMENT_HEADERS,
  disagreementCells,
  disagreementsLeftOut,
  JUDGE_OUTCOMES,
  judgeOverviewRows,
  judgeTableNote,
} from "../judge/judge-rows.js";
import { markdownText } from "./markdown-text.js";

const row = (cells: string[]) => `| ${cells.map(markdownText).join(" | ")} |`;

/** report.md's "Judge" section: overview, verdicts by programmatic outcome, disagreeing rollouts. */
export function renderJudgeMarkdown(stats: JudgeStats): string[] {
  const total = { yes: 0, no: 0, error: 0 };
  const outcomes = JUDGE_OUTCOMES.map(([key, name]) => {
    const cell = stats.table[key];
    total.yes += cell.yes;
    total.no += cell.no;
    total.error += cell.error;
    return row([
      name,
      String(cell.yes),
      String(cell.no),
      String(cell.error),
      String(cell.yes + cell.no + cell.error),
    ]);
  });
  const lines = [
    "## Judge",
    "",
    "| Metric | Value |",
    "|--------|-------|",
    ...judgeOverviewRows(stats).map(([label, value]) => row([label, value])),
    "",
    "### Judge verdicts by programmatic outcome",
    "",
    "| Programmatic outcome | Judge yes | Judge no | Judge error | Total |",
    "|----------------------|----------:|---------:|------------:|------:|",
    ...outcomes,
    row([
      "Total",
      String(total.yes),
      String(total.no),
      String(total.error),
      String(total.yes + total.no + total.error),
    ]),
    "",
    judgeTableNote(stats),
    "",
    "### Disagreements",
    "",
  ];
  if (stats.disagreements.total === 0) {
    lines.push(
      stats.judged === 0
        ? "Nothing was judged, so there is nothing to disagree on."
        : "The judge agrees with the programmatic accuracy on every judged rollout.",
    );
  } else {
    lines.push(
      row(DISAGREEMENT_HEADERS),
      `|${DISAGREEMENT_HEADERS.map((_, index) => (index === 3 ? "---:" : "---")).join("|")}|`,
      ...stats.disagreements.listed.map((item) => row(disagreementCells(item))),
    );
    const left = disagreementsLeftOut(stats);
    if (left) lines.push("", left);
  }
  lines.push("");
  return lines;
}
