import { escapeHtml } from "../html/escape-html.js";
import { formatNumber } from "../html/format-number.js";
import type { CoveragePoint } from "../run-report-data.js";
import { createChartFrame, renderAxes, svgChart, ticks } from "./chart-frame.js";
import { seriesColor } from "./palette.js";

/** One run's risk–coverage curve. */
export interface RiskCoverageSeries {
  name: string;
  points: CoveragePoint[];
  aurc: number;
}

/** Options of {@link riskCoverageChart}. */
export interface RiskCoverageChartOptions {
  series: RiskCoverageSeries[];
}

/**
 * Risk (error rate among answered) against coverage (share answered) as the confidence threshold
 * rises from 0 to 1. Each curve carries `data-aurc` and its points as `data-points`
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
      xLabel: "Coverage (share answered at threshold)",
      yLabel: "Risk (error rate)",
      formatY: (value) => formatNumber(value, 2),
    }),
  ];
  options.series.forEach((series, index) => {
    const color = seriesColor(index);
    const visible = series.points.filter((point) => point.coverage > 0);
    const data = series.points.map((point) => `${point.coverage},${point.risk}`).join(" ");
    const path = visible.map((point) => `${frame.x(point.coverage)},${frame.y(point.risk)}`).join(" ");
    parts.push(
      `<polyline class="curve" data-series="${index}" data-aurc="${series.aurc}" data-points="${data}" fill="none" stroke="${color}" stroke-width="2" points="${path}"><title>${escapeHtml(series.name)}: AURC ${formatNumber(series.aurc, 4)}</title></polyline>`,
    );
  });
  return svgChart({
    frame,
    name: "risk-coverage",
    title: "Risk–coverage curve",
    body: parts.join(""),
    data: { series: options.series.length },
  });
}
