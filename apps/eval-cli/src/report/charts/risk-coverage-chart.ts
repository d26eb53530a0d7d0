import { escapeHtml } from "../html/escape-html.js";
import { formatNumber } from "../html/format-number.js";
import type { CoveragePoint } from "../run-report-data.js";
import { createChartFrame, renderAxes, svgChart, ticks } from "./chart-frame.js";
import { seriesColor } from "./palette.js";

/** One run's risk–coverage curve. */
export interface RiskCoverageSeries {
  name: string;
  /** The curve's steps, highest confidence first (empty when nothing was answered). */
  points: CoveragePoint[];
  /** Its AURC; null when nothing was answered. */
  aurc: number | null;
}

/** Options of {@link riskCoverageChart}. */
export interface RiskCoverageChartOptions {
  series: RiskCoverageSeries[];
}

/** SVG path of a step curve: the risk of each step held over the coverage it adds, from coverage 0. */
function stepPath(
  points: CoveragePoint[],
  x: (value: number) => number,
  y: (value: number) => number,
): string {
  const commands: string[] = [];
  for (const point of points) {
    commands.push(commands.length === 0 ? `M${x(0)},${y(point.risk)}` : `V${y(point.risk)}`);
    commands.push(`H${x(point.coverage)}`);
  }
  return commands.join("");
}

/**
 * Risk (error rate among answered) against coverage (share of answered rollouts kept) as the
 * confidence threshold falls from the highest confidence to the lowest: a step curve, one step per
 * distinct confidence (ties cannot be split), whose area is the AURC. A run with one confidence value
 * is a single step at its error rate. Each curve carries `data-aurc` and its steps as `data-points`
 * (`coverage,risk` pairs) so tests can recompute the area.
 */
export function riskCoverageChart(options: RiskCoverageChartOptions): string {
  const maxRisk = Math.max(
    0.05,
    ...options.series.flatMap((series) => series.points.map((point) => point.risk)),
  );
  const top = Math.min(1, Math.ceil(maxRisk * 10) / 10);
  const frame = createChartFrame({ xDomain: [0, 1], yDomain: [0, top] });
  const parts = [
    renderAxes({
      frame,
      xTicks: ticks(0, 1, 5),
      yTicks: ticks(0, top, 5),
      xLabel: "Coverage (share of answered rollouts kept)",
      yLabel: "Risk (error rate)",
      formatY: (value) => formatNumber(value, 2),
    }),
  ];
  options.series.forEach((series, index) => {
    const color = seriesColor(index);
    const data = series.points.map((point) => `${point.coverage},${point.risk}`).join(" ");
    const title = `${escapeHtml(series.name)}: AURC ${formatNumber(series.aurc, 4)}`;
    if (series.points.length === 0) {
      parts.push(
        `<text class="note" data-series="${index}" x="${frame.left + 8}" y="${frame.top + 16 + index * 14}">${escapeHtml(series.name)}: no answered rollouts</text>`,
      );
      return;
    }
    parts.push(
      `<path class="curve" data-series="${index}" data-aurc="${series.aurc ?? ""}" data-points="${data}" fill="none" stroke="${color}" stroke-width="2" d="${stepPath(series.points, frame.x, frame.y)}"><title>${title}</title></path>`,
    );
    if (series.points.length === 1) {
      const point = series.points[0]!;
      parts.push(
        `<circle class="point" data-series="${index}" cx="${frame.x(point.coverage)}" cy="${frame.y(point.risk)}" r="3.5" fill="${color}"><title>${title}</title></circle>`,
      );
    }
  });
  return svgChart({
    frame,
    name: "risk-coverage",
    title: "Risk–coverage curve",
    body: parts.join(""),
    data: { series: options.series.length },
  });
}
