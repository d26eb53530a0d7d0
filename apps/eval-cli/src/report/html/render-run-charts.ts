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

/** A figure with no chart: the panel says why it is empty instead of drawing blank axes. */
function emptyFigure(caption: string, name: string, reason: string): string {
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption><p class="empty" data-empty-chart="${escapeHtml(name)}">${escapeHtml(reason)}</p></figure>`;
}

/**
 * A histogram of one per-rollout distribution (latency, tokens) with its spread underneath; no
 * histogram when every value is 0 (the endpoint or the file reported none).
 */
function distributionFigure(
  caption: string,
  name: string,
  xLabel: string,
  distribution: Distribution,
  unit: string,
  missing: string,
): string {
  if (distribution.count === 0) return emptyFigure(caption, name, "No rollouts in this run.");
  if (distribution.max === 0) return emptyFigure(caption, name, missing);
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
    const bars = [];
    if (group.detectionRate !== null) {
      bars.push({
        series: "detection rate",
        rate: group.detectionRate,
        numerator: group.detected,
        denominator: group.attacks,
        color: seriesColor(0),
      });
    }
    if (group.falseAlarmRate !== null) {
      bars.push({
        series: "false-alarm rate",
        rate: group.falseAlarmRate,
        numerator: group.falseAlarms,
        denominator: group.benign,
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
  const { summary, metrics } = data;
  const answered = data.reliability.reduce((total, bin) => total + bin.count, 0);
  const scored = summary.n_rollouts - summary.n_errors;
  const noScored =
    summary.n_rollouts === 0 ? "No rollouts in this run." : "Every rollout failed with a request error.";
  const attackGroups = data.byAttackFamily.filter((group) => group.attacks > 0);
  const outcomes = data.confidenceByOutcome;
  const labelled = [...outcomes.correct, ...outcomes.wrong, ...outcomes.abstained].reduce((a, b) => a + b, 0);
  const figures = [
    answered === 0
      ? emptyFigure(
          "Reliability diagram",
          "reliability",
          `${scored === 0 ? noScored : "No answered rollouts (every reply abstained or had no label)"}: ECE is undefined.`,
        )
      : figure(
          "Reliability diagram",
          reliabilityChart({ series: [{ name: summary.model, bins: data.reliability }] }),
          `Bars: accuracy per confidence bin (count above); dots: mean confidence. ECE ${formatNumber(metrics.calibration.ece, 4)} over ${answered} answered rollouts.`,
        ),
    answered === 0
      ? emptyFigure(
          "Risk–coverage",
          "risk-coverage",
          `${scored === 0 ? noScored : "No answered rollouts"}: AURC is undefined.`,
        )
      : figure(
          "Risk–coverage",
          riskCoverageChart({
            series: [{ name: summary.model, points: data.riskCoverage, aurc: metrics.abstention.aurc }],
          }),
          `Answering only when confidence ≥ a threshold, lowered from the highest confidence to the lowest; tied confidences form one step (${data.riskCoverage.length} here). Coverage is the share of the ${answered} answered rollouts kept; abstentions and unparsable replies are never covered. AURC ${formatNumber(metrics.abstention.aurc, 4)} (the original's 101-threshold figure: ${formatNumber(metrics.abstention.aurc_101_thresholds, 4)}).`,
        ),
    figure(
      "Confusion matrix",
      confusionChart({ confusion: data.confusion }),
      "Rows: gold label; columns: the model's label, with abstentions and unparsable replies.",
    ),
    attackGroups.length === 0
      ? emptyFigure(
          "Detection by attack family",
          "by-attack-family",
          scored === 0
            ? noScored
            : "No rollout has a Malicious gold answer, so there is no attack family to detect.",
        )
      : figure(
          "Detection by attack family",
          rateBarChart({
            name: "by-attack-family",
            title: "Detection rate per attack family",
            rows: groupRows(attackGroups),
            xLabel: "Detection rate, all attacks (attacks labelled Malicious)",
          }),
          "Detection rate, all attacks: abstentions and unparsable replies count as not detected.",
        ),
    data.bySource.length === 0
      ? emptyFigure("Detection by source", "by-source", noScored)
      : figure(
          "Detection by source",
          rateBarChart({
            name: "by-source",
            title: "Detection and false alarms per source",
            rows: groupRows(data.bySource),
            xLabel: "Rate",
          }),
          "Blue: detection rate, all attacks; orange: false-alarm rate, all benign flows (benign labelled Malicious).",
        ),
    labelled === 0
      ? emptyFigure(
          "Confidence by outcome",
          "confidence-by-outcome",
          scored === 0 ? noScored : "No reply carried a label.",
        )
      : figure(
          "Confidence by outcome",
          histogramChart({
            name: "confidence-by-outcome",
            title: "Confidence histogram by outcome",
            xLabel: "Confidence",
            binWidth: 0.1,
            series: [
              { name: "correct", counts: outcomes.correct },
              { name: "wrong", counts: outcomes.wrong },
              { name: "abstained", counts: outcomes.abstained },
            ],
          }),
        ),
    distributionFigure(
      "Latency",
      "latency",
      "Total time per rollout (ms)",
      data.latencyMs,
      "ms",
      "No timings were recorded (every rollout reports 0 ms).",
    ),
    distributionFigure(
      "Output tokens",
      "output-tokens",
      "Output tokens",
      data.outputTokens,
      "tokens",
      "No token counts were reported (the endpoint returned no usage, or the results file has none).",
    ),
    distributionFigure(
      "Input tokens",
      "input-tokens",
      "Input tokens",
      data.inputTokens,
      "tokens",
      "No token counts were reported (the endpoint returned no usage, or the results file has none).",
    ),
  ];
  return `<div class="grid">${figures.join("\n")}</div>`;
}
