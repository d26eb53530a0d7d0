import { HEADLINE_METRICS } from "../headline-metrics.js";
import type { RunReportData } from "../run-report-data.js";
import { describeUndefined } from "../undefined-reason.js";
import { escapeHtml } from "./escape-html.js";
import { formatNumber } from "./format-number.js";

/** Options of {@link renderMetricsTable}. */
export interface RenderMetricsTableOptions {
  data: RunReportData;
}

const attribute = (value: number | null) => (value === null ? "" : String(value));

/**
 * Headline metrics with bootstrap 95% intervals; each row carries `data-metric` and `data-value`
 * (empty, and `data-undefined="true"`, where the metric is undefined on the run: shown as n/a).
 */
export function renderMetricsTable(options: RenderMetricsTableOptions): string {
  const { intervals, bootstrap, metrics } = options.data;
  const rows = HEADLINE_METRICS.map((metric) => {
    const interval = intervals[metric.key]!;
    const undefinedValue = interval.value === null;
    const bounds =
      interval.low === null || interval.high === null || undefinedValue
        ? "n/a"
        : `[${formatNumber(interval.low, 4)}, ${formatNumber(interval.high, 4)}]${interval.resamplesDefined < bootstrap.resamples ? ` <span class="note">(${interval.resamplesDefined} of ${bootstrap.resamples} resamples)</span>` : ""}`;
    return `<tr data-metric="${metric.key}" data-value="${attribute(interval.value)}" data-low="${attribute(interval.low)}" data-high="${attribute(interval.high)}"${undefinedValue ? ' data-undefined="true"' : ""}><th>${escapeHtml(metric.label)}</th><td class="num${undefinedValue ? " na" : ""}">${formatNumber(interval.value, 4)}</td><td class="num">${bounds}</td></tr>`;
  });
  const undefinedNote = describeUndefined(metrics.undefined);
  return `<table class="metrics"><thead><tr><th>Metric</th><th class="num">Value</th><th class="num">95% interval</th></tr></thead><tbody>${rows.join("")}</tbody></table>
<p class="note">Intervals: percentile bootstrap over examples (all rollouts of a drawn example together), ${bootstrap.resamples} resamples, seed ${bootstrap.seed}. All rollouts: every rollout without a request error (an abstention or unparsable reply counts as wrong). Answered: rollouts labelled Benign or Malicious, the denominator of every detection and calibration rate, as in the original.</p>${undefinedNote ? `\n<p class="note" data-undefined-metrics="${escapeHtml(metrics.undefined.join(" "))}">${escapeHtml(undefinedNote)}</p>` : ""}`;
}
