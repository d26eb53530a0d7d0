import { seriesColor } from "../charts/palette.js";
import { rateBarChart } from "../charts/rate-bar-chart.js";
import { reliabilityChart } from "../charts/reliability-chart.js";
import { riskCoverageChart } from "../charts/risk-coverage-chart.js";
import type { GroupStats } from "../group-stats.js";
import { escapeHtml } from "../html/escape-html.js";
import { formatNumber } from "../html/format-number.js";
import { htmlPage } from "../html/html-page.js";
import type { RunReportData } from "../run-report-data.js";
import { comparisonVerdict } from "./comparison-header.js";
import { renderExtrasComparisonHtml } from "./render-extras-comparison.js";
import { renderJudgeComparisonHtml } from "./render-judge-comparison.js";
import { SCOREBOARD_KEYS, SCOREBOARD_TITLES, type Scoreboard } from "./scoreboard.js";

/** Options of {@link renderComparisonHtml}. */
export interface RenderComparisonHtmlOptions {
  board: Scoreboard;
  /** Link to each run's report.html, relative to the comparison page (same order as rows). */
  reportLinks: string[];
}

const runName = (run: RunReportData) =>
  `${run.summary.model} · ${run.summary.dataset} · ${run.summary.run_id}`;

function groupedRows(runs: RunReportData[], pick: (run: RunReportData) => GroupStats[]) {
  const names = [
    ...new Set(
      runs.flatMap((run) =>
        pick(run)
          .filter((group) => group.attacks > 0)
          .map((group) => group.name),
      ),
    ),
  ].sort();
  return names.map((name) => ({
    label: name,
    bars: runs.map((run, index) => {
      const group = pick(run).find((candidate) => candidate.name === name);
      return {
        series: runName(run),
        rate: group?.detectionRate ?? null,
        numerator: group?.detected ?? 0,
        denominator: group?.attacks ?? 0,
        color: seriesColor(index),
      };
    }),
  }));
}

/** `comparison.html`: the scoreboard and the runs' charts overlaid, one colour per run. */
export function renderComparisonHtml(options: RenderComparisonHtmlOptions): string {
  const { board } = options;
  const runs = board.rows.map((row) => row.run);
  const legend = runs
    .map(
      (run, index) =>
        `<li><span class="tag" style="background:${seriesColor(index)};color:#fff">run ${index + 1}</span> <a href="${escapeHtml(options.reportLinks[index] ?? "#")}">${escapeHtml(runName(run))}</a></li>`,
    )
    .join("");
  const header = `<tr><th>#</th><th>Model</th><th>Dataset</th><th class="num">N</th>${SCOREBOARD_KEYS.map((key) => `<th class="num">${SCOREBOARD_TITLES[key]}</th>`).join("")}</tr>`;
  const body = board.rows
    .map((row, index) => {
      const cells = SCOREBOARD_KEYS.map((key) => {
        const value = row.values[key]!;
        const best = row.best.has(key);
        if (value.value === null) {
          return `<td class="num na" data-metric="${key}" data-value="" data-undefined="true">n/a</td>`;
        }
        return `<td class="num${best ? " best" : ""}" data-metric="${key}" data-value="${value.value}"${best ? ' data-best="true"' : ""}>${formatNumber(value.value)}<br><span class="note">[${formatNumber(value.low)}, ${formatNumber(value.high)}]</span></td>`;
      }).join("");
      return `<tr data-run="${index}"><td>${index + 1}</td><td>${escapeHtml(row.run.summary.model)}</td><td>${escapeHtml(row.run.summary.dataset)}</td><td class="num">${row.run.summary.n_distinct_examples ?? row.run.summary.n_examples}</td>${cells}</tr>`;
    })
    .join("");
  const figures = [
    [
      "Reliability diagram",
      reliabilityChart({ series: runs.map((run) => ({ name: runName(run), bins: run.reliability })) }),
    ],
    [
      "Risk–coverage",
      riskCoverageChart({
        series: runs.map((run) => ({
          name: runName(run),
          points: run.riskCoverage,
          aurc: run.metrics.abstention.aurc,
        })),
      }),
    ],
    [
      "Detection by attack family",
      rateBarChart({
        name: "by-attack-family",
        title: "Detection rate per attack family, per run",
        rows: groupedRows(runs, (run) => run.byAttackFamily),
        xLabel: "Detection rate, all attacks (attacks labelled Malicious)",
      }),
    ],
    [
      "Detection by source",
      rateBarChart({
        name: "by-source",
        title: "Detection rate per source, per run",
        rows: groupedRows(runs, (run) => run.bySource),
        xLabel: "Detection rate, all attacks (attacks labelled Malicious)",
      }),
    ],
  ]
    .map(([caption, chart]) => `<figure><figcaption>${escapeHtml(caption!)}</figcaption>${chart}</figure>`)
    .join("\n");
  const differences =
    board.differences.length === 0
      ? ""
      : `<h2>How the runs differ</h2>
<div class="table-wrap"><table class="differences"><thead><tr><th>What</th>${runs.map((_, index) => `<th>Run ${index + 1}</th>`).join("")}<th>Comparable?</th></tr></thead><tbody>${board.differences
          .map(
            (difference) =>
              `<tr data-facet="${escapeHtml(difference.facet)}" data-incomparable="${difference.incomparable}"><th>${escapeHtml(difference.facet)}</th>${difference.values.map((value) => `<td>${escapeHtml(value)}</td>`).join("")}<td>${difference.incomparable ? "no" : "yes"}</td></tr>`,
          )
          .join("")}</tbody></table></div>`;
  const page = `<h1>E1 comparison of ${runs.length} runs</h1>
<p class="subtitle${board.comparable ? "" : " warning"}" data-comparable="${board.comparable}">${escapeHtml(comparisonVerdict(board))} Intervals: bootstrap 95%.</p>
${differences}
<h2>Runs</h2>
<ul class="legend">${legend}</ul>
<h2>Scoreboard</h2>
<p class="note">Acc, answered: accuracy over rollouts labelled Benign or Malicious; n/a: undefined on that run (e.g. TPR without attacks).</p>
<div class="table-wrap"><table class="scoreboard"><thead>${header}</thead><tbody>${body}</tbody></table></div>
${renderExtrasComparisonHtml(runs)}${renderJudgeComparisonHtml(runs)}
<h2>Charts</h2>
<div class="grid">${figures}</div>`;
  return htmlPage({ title: `E1 comparison of ${runs.length} runs`, body: page });
}
