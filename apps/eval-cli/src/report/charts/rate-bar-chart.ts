import { escapeHtml } from "../html/escape-html.js";
import { formatNumber } from "../html/format-number.js";
import { svgChart } from "./chart-frame.js";

/** One bar: a rate in [0, 1] with the counts behind it. */
export interface RateBar {
  /** Series name, e.g. "detection rate". */
  series: string;
  /** The rate; null where undefined (no denominator), drawn as an "n/a" label without a bar. */
  rate: number | null;
  numerator: number;
  denominator: number;
  color: string;
}

/** Options of {@link rateBarChart}. */
export interface RateBarChartOptions {
  name: string;
  title: string;
  rows: { label: string; bars: RateBar[] }[];
  /** Axis title under the bars. */
  xLabel: string;
}

/** Horizontal bars of rates per group (attack family, source), each labelled with `k/n`. */
export function rateBarChart(options: RateBarChartOptions): string {
  const labelWidth = 190;
  const barArea = 230;
  const barHeight = 16;
  const rowGap = 10;
  const top = 10;
  const rowsHeight = options.rows.reduce((total, row) => total + row.bars.length * barHeight + rowGap, 0);
  const width = labelWidth + barArea + 110;
  const height = top + rowsHeight + 44;
  const frame = {
    width,
    height,
    left: labelWidth,
    top,
    right: labelWidth + barArea,
    bottom: top + rowsHeight,
    x: (v: number) => v,
    y: (v: number) => v,
  };
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = labelWidth + tick * barArea;
    parts.push(
      `<line class="grid" x1="${x}" x2="${x}" y1="${top}" y2="${frame.bottom}"/>`,
      `<text class="tick" x="${x}" y="${frame.bottom + 16}" text-anchor="middle">${tick * 100}%</text>`,
    );
  }
  let y = top;
  for (const row of options.rows) {
    const label = row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label;
    parts.push(
      `<text class="tick" x="${labelWidth - 8}" y="${y + (row.bars.length * barHeight) / 2 + 4}" text-anchor="end">${escapeHtml(label)}<title>${escapeHtml(row.label)}</title></text>`,
    );
    for (const bar of row.bars) {
      const length = bar.rate === null ? 0 : Math.max(0, Math.min(1, bar.rate)) * barArea;
      const text =
        bar.rate === null
          ? "n/a"
          : `${formatNumber(bar.rate * 100, 1)}% (${bar.numerator}/${bar.denominator})`;
      parts.push(
        `<g class="bar" data-group="${escapeHtml(row.label)}" data-series="${escapeHtml(bar.series)}" data-rate="${bar.rate ?? ""}" data-numerator="${bar.numerator}" data-denominator="${bar.denominator}"><rect x="${labelWidth}" y="${y + 1}" width="${length.toFixed(2)}" height="${barHeight - 2}" fill="${bar.color}"/><text class="bar-value" x="${labelWidth + length + 4}" y="${y + barHeight - 4}">${text}</text><title>${escapeHtml(row.label)}: ${escapeHtml(bar.series)} ${text}</title></g>`,
      );
      y += barHeight;
    }
    y += rowGap;
  }
  parts.push(
    `<line class="axis" x1="${labelWidth}" x2="${labelWidth}" y1="${top}" y2="${frame.bottom}"/>`,
    `<text class="axis-label" x="${labelWidth + barArea / 2}" y="${height - 6}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`,
  );
  return svgChart({ frame, name: options.name, title: options.title, body: parts.join("") });
}
