import { HEADLINE_METRICS } from "../headline-metrics.js";
import type { RunReportData } from "../run-report-data.js";
import { escapeHtml } from "./escape-html.js";
import { formatNumber } from "./format-number.js";

/** Options of {@link renderMetricsTable}. */
export interface RenderMetricsTableOptions {
  data: RunReportData;
}

/** Headline metrics with bootstrap 95% intervals; each row carries `data-metric` and `data-value`. */
export function renderMetricsTable(options: RenderMetricsTableOptions): string {
  const { intervals, bootstrap } = options.data;
  const rows = HEADLINE_METRICS.map((metric) => {
    const interval = intervals[metric.key]!;
    return `<tr data-metric="${metric.key}" data-value="${interval.value}" data-low="${interval.low}" data-high="${interval.high}"><th>${escapeHtml(metric.label)}</th><td class="num">${formatNumber(interval.value, 4)}</td><td class="num">[${formatNumber(interval.low, 4)}, ${formatNumber(interval.high, 4)}]</td></tr>`;
  });
  return `<table class="metrics"><thead><tr><th>Metric</th><th class="num">Value</th><th class="num">95% interval</th></tr></thead><tbody>${rows.join("")}</tbody></table>
<p class="note">Intervals: percentile bootstrap over examples (all rollouts of a drawn example together), ${bootstrap.resamples} resamples, seed ${bootstrap.seed}. Detection and calibration rates leave out abstentions and unparsable replies, as the original does.</p>`;
}
