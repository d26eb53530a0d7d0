import { confusionChart } from "../charts/confusion-chart.js";
import { histogramChart } from "../charts/histogram-chart.js";
import { seriesColor } from "../charts/palette.js";
import { rateBarChart } from "../charts/rate-bar-chart.js";
import { reliabilityChart } from "../charts/reliability-chart.js";
import { riskCoverageChart } from "../charts/risk-coverage-chart.js";
import type { Distribution } from "../distribution.js";
import type { GroupStats } from "../group-stats.js";
import type { RunReportData } from "../run-report-data.js";
import { escapeHtml } from "./escape-html.js";
import { formatNumber } from "./format-number.js";

/** Options of {@link renderRunCharts}. */
export interface RenderRunChartsOptions {
  data: RunReportData;
}

function figure(caption: string, chart: string, note = ""): string {
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>${chart}${note ? `<p class="note">${note}</p>` : ""}</figure>`;
}

/** A histogram of one per-rollout distribution (latency, tokens) with its spread underneath. */
function distributionFigure(
  caption: string,
  name: string,
  xLabel: string,
  distribution: Distribution,
  unit: string,
): string {
  return figure(
    caption,
    histogramChart({
      name,
      title: `${caption} per rollout`,
      xLabel,
      start: distribution.start,
      binWidth: distribution.binWidth,
      series: [{ name: "rollouts", counts: distribution.counts }],
    }),
    spread(distribution, unit),
  );
}

function groupRows(groups: GroupStats[]) {
  return groups.map((group) => {
    const benign = group.count - group.attacks;
    const bars = [];
    if (group.attacks > 0) {
      bars.push({
        series: "detection rate",
        rate: group.detectionRate,
        numerator: Math.round(group.detectionRate * group.attacks),
        denominator: group.attacks,
        color: seriesColor(0),
      });
    }
    if (benign > 0) {
      bars.push({
        series: "false alarm rate",
        rate: group.falseAlarmRate,
        numerator: Math.round(group.falseAlarmRate * benign),
        denominator: benign,
        color: seriesColor(3),
      });
    }
    return { label: group.name, bars };
  });
}

function spread(distribution: Distribution, unit: string): string {
  return `p50 ${formatNumber(distribution.p50, 0)} ${unit}, p90 ${formatNumber(distribution.p90, 0)}, p99 ${formatNumber(distribution.p99, 0)}, max ${formatNumber(distribution.max, 0)}; mean ${formatNumber(distribution.mean, 1)}. The last bar holds everything above its left edge.`;
}

/** Every chart of a run report, as figures in a grid. */
export function renderRunCharts(options: RenderRunChartsOptions): string {
  const { data } = options;
  const { summary } = data;
  const attackGroups = data.byAttackFamily.filter((group) => group.attacks > 0);
  const figures = [
    figure(
      "Reliability diagram",
      reliabilityChart({ series: [{ name: summary.model, bins: data.reliability }] }),
      `Bars: accuracy per confidence bin (count above); dots: mean confidence. ECE ${formatNumber(summary.metrics.calibration.ece, 4)} over ${data.reliability.reduce((total, bin) => total + bin.count, 0)} decided rollouts.`,
    ),
    figure(
      "Risk–coverage",
      riskCoverageChart({
        series: [{ name: summary.model, points: data.riskCoverage, aurc: summary.metrics.abstention.aurc }],
      }),
      `Answering only when confidence ≥ threshold (0 to 1 in steps of 0.01). AURC ${formatNumber(summary.metrics.abstention.aurc, 4)}.`,
    ),
    figure(
      "Confusion matrix",
      confusionChart({ confusion: data.confusion }),
      "Rows: gold label; columns: the model's label, with abstentions and unparsable replies.",
    ),
    figure(
      "Detection by attack family",
      rateBarChart({
        name: "by-attack-family",
        title: "Detection rate per attack family",
        rows: groupRows(attackGroups),
        xLabel: "Attacks labelled Malicious",
      }),
      "Abstentions and unparsable replies count as not detected.",
    ),
    figure(
      "Detection by source",
      rateBarChart({
        name: "by-source",
        title: "Detection and false alarms per source",
        rows: groupRows(data.bySource),
        xLabel: "Rate",
      }),
      `Blue: attacks labelled Malicious; orange: benign flows labelled Malicious.`,
    ),
    figure(
      "Confidence by outcome",
      histogramChart({
        name: "confidence-by-outcome",
        title: "Confidence histogram by outcome",
        xLabel: "Confidence",
        binWidth: 0.1,
        series: [
          { name: "correct", counts: data.confidenceByOutcome.correct },
          { name: "wrong", counts: data.confidenceByOutcome.wrong },
          { name: "abstained", counts: data.confidenceByOutcome.abstained },
        ],
      }),
    ),
    distributionFigure("Latency", "latency", "Total time per rollout (ms)", data.latencyMs, "ms"),
    distributionFigure("Output tokens", "output-tokens", "Output tokens", data.outputTokens, "tokens"),
    distributionFigure("Input tokens", "input-tokens", "Input tokens", data.inputTokens, "tokens"),
  ];
  return `<div class="grid">${figures.join("\n")}</div>`;
}
