import { escapeHtml } from "../html/escape-html.js";
import { createChartFrame, renderAxes, svgChart, ticks } from "./chart-frame.js";
import { seriesColor } from "./palette.js";

/** Options of {@link histogramChart}. */
export interface HistogramChartOptions {
  name: string;
  title: string;
  xLabel: string;
  yLabel?: string;
  /** Left edge of the first bin (default 0). */
  start?: number;
  /** Width of each bin; bin i spans [start + i * binWidth, start + (i + 1) * binWidth). */
  binWidth: number;
  /** Stacked series; all have one count per bin. */
  series: { name: string; counts: number[] }[];
  formatX?: (value: number) => string;
  /** Label of the last bin's right edge ("and above"). */
  openEnded?: boolean;
}

function niceMax(value: number): number {
  if (value <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (value <= factor * power) return factor * power;
  return 10 * power;
}

/** Stacked histogram; each bar segment carries `data-series`, `data-bin`, `data-count`. */
export function histogramChart(options: HistogramChartOptions): string {
  const bins = options.series[0]?.counts.length ?? 0;
  const totals = Array.from({ length: bins }, (_, bin) =>
    options.series.reduce((total, series) => total + (series.counts[bin] ?? 0), 0),
  );
  const top = niceMax(Math.max(0, ...totals));
  const start = options.start ?? 0;
  const xMax = start + options.binWidth * bins;
  const frame = createChartFrame({
    xDomain: [start, xMax],
    yDomain: [0, top],
    height: options.series.length > 1 ? 320 : 300,
  });
  const parts = [
    renderAxes({
      frame,
      xTicks: ticks(start, xMax, 5),
      yTicks: ticks(0, top, 5),
      xLabel: options.xLabel,
      yLabel: options.yLabel ?? "Rollouts",
      formatX: options.formatX,
    }),
  ];
  for (let bin = 0; bin < bins; bin++) {
    let base = 0;
    const x = frame.x(start + bin * options.binWidth) + 1;
    const width = Math.max(
      1,
      frame.x(start + (bin + 1) * options.binWidth) - frame.x(start + bin * options.binWidth) - 2,
    );
    options.series.forEach((series, index) => {
      const count = series.counts[bin] ?? 0;
      const y = frame.y(base + count);
      const height = frame.y(base) - y;
      base += count;
      parts.push(
        `<rect class="bar" data-series="${escapeHtml(series.name)}" data-bin="${bin}" data-count="${count}" x="${x}" y="${y}" width="${width.toFixed(2)}" height="${height.toFixed(2)}" fill="${seriesColor(index)}"><title>${escapeHtml(series.name)}: ${count}</title></rect>`,
      );
    });
  }
  if (options.series.length > 1) {
    options.series.forEach((series, index) => {
      const x = frame.left + 8 + index * 100;
      parts.push(
        `<rect x="${x}" y="${frame.top}" width="10" height="10" fill="${seriesColor(index)}"/><text class="legend" x="${x + 14}" y="${frame.top + 9}">${escapeHtml(series.name)}</text>`,
      );
    });
  }
  return svgChart({ frame, name: options.name, title: options.title, body: parts.join("") });
}
