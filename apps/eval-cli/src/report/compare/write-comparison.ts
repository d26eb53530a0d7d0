import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { RunReportData } from "../run-report-data.js";
import { comparisonVerdict } from "./comparison-header.js";
import { comparisonId } from "./comparison-id.js";
import { renderComparisonHtml } from "./render-comparison-html.js";
import { renderScoreboardMarkdown } from "./render-scoreboard-markdown.js";
import { buildScoreboard } from "./scoreboard.js";

/** Options of {@link writeComparison}. */
export interface WriteComparisonOptions {
  runs: { data: RunReportData; htmlPath: string }[];
  /** Output directory; default `<root>/comparisons/<hash of the summaries>`. */
  out?: string;
  /** Where comparisons go by default (e.g. `outputs/evals`). */
  root: string;
}

/** What {@link writeComparison} wrote. */
export interface WriteComparisonResult {
  dir: string;
  html: string;
  markdown: string;
  /** The sentence both pages open with: whether the runs are comparable and how they differ. */
  verdict: string;
}

/** Write `comparison.html` and `scoreboard.md` for several runs. */
export async function writeComparison(options: WriteComparisonOptions): Promise<WriteComparisonResult> {
  const runs = options.runs.map((run) => run.data);
  const dir = options.out ?? join(options.root, "comparisons", comparisonId(runs));
  await mkdir(dir, { recursive: true });
  const board = buildScoreboard({ runs });
  const reportLinks = options.runs.map((run) =>
    relative(dir, run.htmlPath).split(sep).map(encodeURIComponent).join("/"),
  );
  const html = join(dir, "comparison.html");
  const markdown = join(dir, "scoreboard.md");
  await writeFile(html, renderComparisonHtml({ board, reportLinks }));
  await writeFile(markdown, renderScoreboardMarkdown({ board }));
  return { dir, html, markdown, verdict: comparisonVerdict(board) };
}
