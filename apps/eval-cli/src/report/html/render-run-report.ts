import type { RolloutTable } from "../rollout-table.js";
import type { RunReportData } from "../run-report-data.js";
import { escapeHtml } from "./escape-html.js";
import { htmlPage } from "./html-page.js";
import { judgeHeadlineNote } from "../judge/judge-rows.js";
import { renderExtrasSection } from "./render-extras-section.js";
import { renderJudgeSection } from "./render-judge-section.js";
import { renderMetricsTable } from "./render-metrics-table.js";
import { renderRolloutSection } from "./render-rollout-section.js";
import { renderRunCharts } from "./render-run-charts.js";
import { renderRunInfo } from "./render-run-info.js";
import { rolloutTableScript } from "./rollout-table-script.js";

/** Options of {@link renderRunReport}. */
export interface RenderRunReportOptions {
  data: RunReportData;
  table: RolloutTable;
  /** Compress the embedded rollouts above this many JSON characters (default 1 MB). */
  compressAbove?: number;
  /** Text of the generator line at the bottom (e.g. the CLI version). */
  generator?: string;
}

/** `report.html` of a run: one self-contained file with every section of the report. */
export function renderRunReport(options: RenderRunReportOptions): string {
  const { data } = options;
  const { summary } = data;
  const body = `<h1>E1 evaluation: ${escapeHtml(summary.model)}</h1>
<p class="subtitle">${escapeHtml(summary.dataset)} · ${summary.n_rollouts} rollouts · run ${escapeHtml(summary.run_id)}</p>
<h2>Run</h2>
${renderRunInfo({ data })}
<h2>Headline metrics</h2>
${renderMetricsTable({ data })}
${data.judge ? `<p class="note" data-judge-note>${escapeHtml(judgeHeadlineNote(data.judge))}</p>\n${renderJudgeSection(data.judge)}\n` : ""}<h2>Charts</h2>
${renderRunCharts({ data })}
${renderExtrasSection(summary)}
<h2>Rollouts</h2>
${renderRolloutSection({ table: options.table, compressAbove: options.compressAbove })}
<p class="note">Generated from results.jsonl by ${escapeHtml(options.generator ?? "sv eval report")}; regenerate with <code>pnpm eval report RUN_DIR</code>.</p>`;
  return htmlPage({
    title: `E1 report: ${summary.model} (${summary.run_id})`,
    body,
    scripts: [rolloutTableScript({ judge: options.table.judged === true })],
  });
}
