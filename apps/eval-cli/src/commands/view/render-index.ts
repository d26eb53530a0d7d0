import { escapeHtml } from "../../report/html/escape-html.js";
import { formatNumber } from "../../report/html/format-number.js";
import { htmlPage } from "../../report/html/html-page.js";
import { fromSummaryMetrics } from "../../run-output/summary-metrics.js";
import type { FoundEntry } from "./find-runs.js";

/** Options of {@link renderIndex}. */
export interface RenderIndexOptions {
  entries: FoundEntry[];
  /** Shown in the heading (the served directory). */
  rootName: string;
}

const href = (path: string, file: string) =>
  `/${[...path.split("/").filter(Boolean), file].map(encodeURIComponent).join("/")}`;

const links = (entry: FoundEntry) =>
  entry.files
    .map((file) => `<a href="${escapeHtml(href(entry.path, file))}">${escapeHtml(file)}</a>`)
    .join(" · ");

/** The index page of `eval view`: every run with its key metrics, then the comparisons. */
export function renderIndex(options: RenderIndexOptions): string {
  const runs = options.entries.filter((entry) => entry.kind === "run");
  const comparisons = options.entries.filter((entry) => entry.kind === "comparison");
  const runRows = runs
    .map((entry) => {
      const summary = entry.summary;
      // Undefined rates (listed in metrics.undefined) read n/a, never their placeholder 0.
      const metrics = summary?.metrics ? fromSummaryMetrics(summary.metrics) : undefined;
      const metric = (value: number | null | undefined) =>
        `<td class="num">${value === undefined ? "-" : formatNumber(value)}</td>`;
      // A judge or hybrid run's mean reward means something else than an executable run's: say whose it is.
      const rewardCell = (value: number | null | undefined, mode: string | undefined) =>
        mode === undefined
          ? metric(value)
          : `<td class="num" data-rubric="${escapeHtml(mode)}">${value === undefined ? "-" : formatNumber(value)}<br><span class="note">${escapeHtml(mode)}</span></td>`;
      const title = entry.files.includes("report.html")
        ? `<a href="${escapeHtml(href(entry.path, "report.html"))}">${escapeHtml(entry.path)}</a>`
        : `${escapeHtml(entry.path)} <span class="note">(no report.html yet: pnpm eval report ${escapeHtml(entry.path)})</span>`;
      return `<tr data-run="${escapeHtml(entry.path)}"><td>${title}</td><td>${escapeHtml(summary?.model ?? "-")}</td><td>${escapeHtml(summary?.dataset ?? "-")}</td><td class="num">${summary?.n_distinct_examples ?? summary?.n_examples ?? "-"}</td>${rewardCell(summary?.rewards?.mean_reward, summary?.judge?.mode)}${metric(metrics?.detection.accuracy)}${metric(metrics?.detection.f1)}${metric(metrics?.calibration.ece)}${metric(metrics?.abstention.aurc)}<td>${escapeHtml(summary?.timestamp ?? "-")}</td><td>${links(entry)}</td></tr>`;
    })
    .join("");
  const comparisonRows = comparisons
    .map(
      (entry) =>
        `<li><a href="${escapeHtml(href(entry.path, "comparison.html"))}">${escapeHtml(entry.path)}</a> · ${links(entry)}</li>`,
    )
    .join("");
  const body = `<h1>E1 evaluation runs</h1>
<p class="subtitle">${escapeHtml(options.rootName)} · ${runs.length} runs · ${comparisons.length} comparisons · read-only</p>
<h2>Runs</h2>
${runs.length === 0 ? "<p>No runs found.</p>" : `<div class="table-wrap"><table class="runs"><thead><tr><th>Run</th><th>Model</th><th>Dataset</th><th class="num">N</th><th class="num">Mean reward</th><th class="num">Acc, answered</th><th class="num">F1</th><th class="num">ECE</th><th class="num">AURC</th><th>Time</th><th>Files</th></tr></thead><tbody>${runRows}</tbody></table></div>`}
<h2>Comparisons</h2>
${comparisons.length === 0 ? '<p class="note">None yet: <code>pnpm eval report RUN_DIR RUN_DIR…</code> writes one.</p>' : `<ul>${comparisonRows}</ul>`}`;
  return htmlPage({ title: "E1 evaluation runs", body });
}
