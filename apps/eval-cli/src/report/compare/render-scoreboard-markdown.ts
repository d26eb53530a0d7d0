import type { MetricInterval } from "../headline-metrics.js";
import { formatNumber } from "../html/format-number.js";
import { markdownText } from "../markdown/markdown-text.js";
import { comparisonVerdict } from "./comparison-header.js";
import { renderExtrasComparisonMarkdown } from "./render-extras-comparison.js";
import { renderJudgeComparisonMarkdown } from "./render-judge-comparison.js";
import { SCOREBOARD_KEYS, SCOREBOARD_TITLES, type Scoreboard } from "./scoreboard.js";

/** Options of {@link renderScoreboardMarkdown}. */
export interface RenderScoreboardMarkdownOptions {
  board: Scoreboard;
  title?: string;
}

function valueText(value: MetricInterval): string {
  if (value.value === null) return "n/a";
  const bounds =
    value.low === null || value.high === null
      ? "n/a"
      : `${formatNumber(value.low)}, ${formatNumber(value.high)}`;
  return `${formatNumber(value.value)} [${bounds}]`;
}

/**
 * The markdown scoreboard: first every way the runs differ, then one row per run with key metrics and
 * 95% intervals, the best per column in bold when the runs are comparable.
 */
export function renderScoreboardMarkdown(options: RenderScoreboardMarkdownOptions): string {
  const { board } = options;
  const header = ["Model", "Dataset", "N", ...SCOREBOARD_KEYS.map((key) => SCOREBOARD_TITLES[key]), "Run"];
  const align = ["---", "---", "---:", ...SCOREBOARD_KEYS.map(() => "---:"), "---"];
  const lines = [`# ${options.title ?? "E1 Scoreboard"}`, "", comparisonVerdict(board), ""];
  if (board.differences.length > 0) {
    lines.push(
      "## How the runs differ",
      "",
      `| What | ${board.rows.map((_, index) => `Run ${index + 1}`).join(" | ")} | Comparable? |`,
      `|---|${board.rows.map(() => "---").join("|")}|---|`,
      ...board.differences.map(
        (difference) =>
          `| ${markdownText(difference.facet)} | ${difference.values.map(markdownText).join(" | ")} | ${difference.incomparable ? "no" : "yes"} |`,
      ),
      "",
    );
  }
  lines.push(
    "## Scoreboard",
    "",
    "Values with bootstrap 95% intervals. Acc, answered: accuracy over rollouts labelled Benign or Malicious.",
    "",
    `| ${header.join(" | ")} |`,
    `|${align.join("|")}|`,
  );
  for (const row of board.rows) {
    const { summary } = row.run;
    const cells = SCOREBOARD_KEYS.map((key) => {
      const text = valueText(row.values[key]!);
      return row.best.has(key) ? `**${text}**` : text;
    });
    lines.push(
      `| ${markdownText(summary.model)} | ${markdownText(summary.dataset)} | ${summary.n_distinct_examples ?? summary.n_examples} | ${cells.join(" | ")} | ${markdownText(summary.run_id)} |`,
    );
  }
  const runs = board.rows.map((row) => row.run);
  lines.push("", ...renderExtrasComparisonMarkdown(runs), ...renderJudgeComparisonMarkdown(runs));
  return lines.join("\n");
}
