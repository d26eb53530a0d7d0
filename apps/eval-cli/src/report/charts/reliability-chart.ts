import { escapeHtml } from "../html/escape-html.js";
import { formatNumber } from "../html/format-number.js";
import type { ReliabilityBin } from "../run-report-data.js";
import { createChartFrame, renderAxes, svgChart, ticks } from "./chart-frame.js";
import { seriesColor } from "./palette.js";

/** One run's reliability bins. */
export interface ReliabilitySeries {
  name: string;
  bins: ReliabilityBin[];
}

/** Options of {@link reliabilityChart}. */
export interface ReliabilityChartOptions {
  series: ReliabilitySeries[];
}

/**
 * Reliability diagram: accuracy against mean confidence in 10 bins, the diagonal is perfect
 * calibration. One run: bars with bin counts; several runs: one line each. Every bin element carries
 * `data-bin`, `data-count`, `data-accuracy`, `data-mean-confidence` so tests can check it against the summary.
 */
export function reliabilityChart(options: ReliabilityChartOptions): string {
  const frame = createChartFrame({ xDomain: [0, 1], yDomain: [0, 1] });
  const parts = [
    renderAxes({
      frame,
      xTicks: ticks(0, 1, 5),
      yTicks: ticks(0, 1, 5),
      xLabel: "Confidence",
      yLabel: "Accuracy",
    }),
    `<line class="diagonal" x1="${frame.x(0)}" y1="${frame.y(0)}" x2="${frame.x(1)}" y2="${frame.y(1)}"><title>perfect calibration</title></line>`,
  ];
  const single = options.series.length === 1;
  options.series.forEach((series, seriesIndex) => {
    const color = seriesColor(seriesIndex);
    const points: string[] = [];
    series.bins.forEach((bin, index) => {
      const data = `data-series="${seriesIndex}" data-bin="${index}" data-count="${bin.count}" data-accuracy="${bin.accuracy ?? ""}" data-mean-confidence="${bin.meanConfidence ?? ""}"`;
      const tip = `<title>${escapeHtml(series.name)}: confidence ${formatNumber(bin.lower, 1)}–${formatNumber(bin.upper, 1)}: ${bin.count} rollouts, accuracy ${formatNumber(bin.accuracy)}, mean confidence ${formatNumber(bin.meanConfidence)}</title>`;
      if (single) {
        const x = frame.x(bin.lower) + 1;
        const width = frame.x(bin.upper) - frame.x(bin.lower) - 2;
        const y = frame.y(bin.accuracy ?? 0);
        parts.push(
          `<rect class="bin" ${data} x="${x}" y="${y}" width="${width}" height="${Math.max(0, frame.bottom - y)}" fill="${color}" fill-opacity="0.55">${tip}</rect>`,
          `<text class="count" x="${x + width / 2}" y="${Math.min(y, frame.bottom) - 4}" text-anchor="middle">${bin.count}</text>`,
        );
        if (bin.meanConfidence !== null) {
          parts.push(
            `<circle class="mean" cx="${frame.x(bin.meanConfidence)}" cy="${y}" r="3" fill="#000"><title>mean confidence ${formatNumber(bin.meanConfidence)}</title></circle>`,
          );
        }
      } else if (bin.meanConfidence !== null && bin.accuracy !== null) {
        const cx = frame.x(bin.meanConfidence);
        const cy = frame.y(bin.accuracy);
        points.push(`${cx},${cy}`);
        parts.push(
          `<circle class="bin" ${data} cx="${cx}" cy="${cy}" r="3.5" fill="${color}">${tip}</circle>`,
        );
      }
    });
    if (!single && points.length > 1) {
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(" ")}"/>`);
    }
  });
  return svgChart({
    frame,
    name: "reliability",
    title: "Reliability diagram: accuracy against confidence (10 bins)",
    body: parts.join(""),
  });
}
