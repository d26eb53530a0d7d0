import { markdownText } from "../markdown/markdown-text.js";
import { renderExtrasComparisonMarkdown } from "./render-extras-comparison.js";
import { SCOREBOARD_KEYS, SCOREBOARD_TITLES, type ScoreboardRow } from "./scoreboard.js";

/** Options of {@link renderScoreboardMarkdown}. */
export interface RenderScoreboardMarkdownOptions {
  rows: ScoreboardRow[];
  title?: string;
}

/** The markdown scoreboard: one row per run, key metrics with 95% intervals, best per column in bold. */
export function renderScoreboardMarkdown(options: RenderScoreboardMarkdownOptions): string {
  const header = ["Model", "Dataset", "N", ...SCOREBOARD_KEYS.map((key) => SCOREBOARD_TITLES[key]), "Run"];
  const align = ["---", "---", "---:", ...SCOREBOARD_KEYS.map(() => "---:"), "---"];
  const lines = [
    `# ${options.title ?? "E1 Scoreboard"}`,
    "",
    "Values with bootstrap 95% intervals; **bold** marks the best run per column (higher is better, except FPR, ECE, Brier and AURC; abstain rate is not ranked).",
    "",
    `| ${header.join(" | ")} |`,
    `|${align.join("|")}|`,
  ];
  for (const row of options.rows) {
    const { summary } = row.run;
    const cells = SCOREBOARD_KEYS.map((key) => {
      const value = row.values[key]!;
      const text = `${value.value.toFixed(3)} [${value.low.toFixed(3)}, ${value.high.toFixed(3)}]`;
      return row.best.has(key) ? `**${text}**` : text;
    });
    lines.push(
      `| ${markdownText(summary.model)} | ${markdownText(summary.dataset)} | ${summary.n_examples} | ${cells.join(" | ")} | ${markdownText(summary.run_id)} |`,
    );
  }
  lines.push("", ...renderExtrasComparisonMarkdown(options.rows.map((row) => row.run)));
  return lines.join("\n");
}
