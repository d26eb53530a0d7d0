import { escapeHtml } from "../html/escape-html.js";

/** Plot area geometry and linear scales of a chart. */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  x(value: number): number;
  y(value: number): number;
}

/** Options of {@link createChartFrame}. */
export interface ChartFrameOptions {
  width?: number;
  height?: number;
  xDomain: [number, number];
  yDomain: [number, number];
  /** Extra room on the left for long tick labels. */
  left?: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** A frame with margins for axis labels; scales map domain values to SVG pixels. */
export function createChartFrame(options: ChartFrameOptions): ChartFrame {
  const width = options.width ?? 420;
  const height = options.height ?? 300;
  const left = options.left ?? 56;
  const top = 16;
  const right = width - 16;
  const bottom = height - 48;
  const [x0, x1] = options.xDomain;
  const [y0, y1] = options.yDomain;
  return {
    width,
    height,
    left,
    top,
    right,
    bottom,
    x: (value) => round(left + ((value - x0) / (x1 - x0 || 1)) * (right - left)),
    y: (value) => round(bottom - ((value - y0) / (y1 - y0 || 1)) * (bottom - top)),
  };
}

/** Options of {@link renderAxes}. */
export interface RenderAxesOptions {
  frame: ChartFrame;
  xTicks: number[];
  yTicks: number[];
  xLabel: string;
  yLabel: string;
  formatX?: (value: number) => string;
  formatY?: (value: number) => string;
}

/** Grid lines, tick labels and axis titles. */
export function renderAxes(options: RenderAxesOptions): string {
  const { frame } = options;
  const formatX = options.formatX ?? String;
  const formatY = options.formatY ?? String;
  const parts: string[] = [];
  for (const tick of options.yTicks) {
    const y = frame.y(tick);
    parts.push(
      `<line class="grid" x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}"/>`,
      `<text class="tick" x="${frame.left - 6}" y="${y + 4}" text-anchor="end">${escapeHtml(formatY(tick))}</text>`,
    );
  }
  for (const tick of options.xTicks) {
    const x = frame.x(tick);
    parts.push(
      `<line class="tick-mark" x1="${x}" x2="${x}" y1="${frame.bottom}" y2="${frame.bottom + 4}"/>`,
      `<text class="tick" x="${x}" y="${frame.bottom + 17}" text-anchor="middle">${escapeHtml(formatX(tick))}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${frame.left}" x2="${frame.right}" y1="${frame.bottom}" y2="${frame.bottom}"/>`,
    `<line class="axis" x1="${frame.left}" x2="${frame.left}" y1="${frame.top}" y2="${frame.bottom}"/>`,
    `<text class="axis-label" x="${(frame.left + frame.right) / 2}" y="${frame.height - 8}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`,
    `<text class="axis-label" transform="translate(14 ${(frame.top + frame.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(options.yLabel)}</text>`,
  );
  return parts.join("");
}

/** Options of {@link svgChart}. */
export interface SvgChartOptions {
  frame: ChartFrame;
  /** Names the chart for tests and styles (`data-chart`). */
  name: string;
  title: string;
  body: string;
  /** Extra `data-*` attributes on the root element (already-formatted values). */
  data?: Record<string, string | number>;
}

/** The root `<svg>` of a chart: scalable via viewBox, labelled for screen readers. */
export function svgChart(options: SvgChartOptions): string {
  const data = Object.entries(options.data ?? {})
    .map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`)
    .join("");
  return `<svg class="chart" data-chart="${escapeHtml(options.name)}"${data} viewBox="0 0 ${options.frame.width} ${options.frame.height}" width="${options.frame.width}" height="${options.frame.height}" role="img" aria-label="${escapeHtml(options.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(options.title)}</title>${options.body}</svg>`;
}

/** Evenly spaced ticks from `from` to `to` inclusive. */
export function ticks(from: number, to: number, count: number): number[] {
  return Array.from({ length: count + 1 }, (_, index) => round(from + ((to - from) * index) / count));
}
