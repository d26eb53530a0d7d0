import { escapeHtml } from "../html/escape-html.js";
import { formatNumber } from "../html/format-number.js";
import type { ConfusionRow } from "../run-report-data.js";
import { svgChart } from "./chart-frame.js";

/** Options of {@link confusionChart}. */
export interface ConfusionChartOptions {
  confusion: { malicious: ConfusionRow; benign: ConfusionRow };
}

const COLUMNS = [
  ["malicious", "Malicious"],
  ["benign", "Benign"],
  ["abstain", "Abstain"],
  ["none", "No label"],
] as const;

/** Confusion matrix as a heat map: gold label by row, predicted label by column, with the abstain column. */
export function confusionChart(options: ConfusionChartOptions): string {
  const cell = { width: 84, height: 62 };
  const left = 118;
  const top = 44;
  const frame = {
    width: left + cell.width * COLUMNS.length + 12,
    height: top + cell.height * 2 + 40,
    left,
    top,
    right: 0,
    bottom: 0,
    x: (value: number) => value,
    y: (value: number) => value,
  };
  const parts = [
    `<text class="axis-label" x="${left + (cell.width * COLUMNS.length) / 2}" y="14" text-anchor="middle">Predicted label</text>`,
    `<text class="axis-label" transform="translate(14 ${top + cell.height}) rotate(-90)" text-anchor="middle">Gold label</text>`,
  ];
  COLUMNS.forEach(([, title], column) => {
    parts.push(
      `<text class="tick" x="${left + cell.width * (column + 0.5)}" y="${top - 8}" text-anchor="middle">${title}</text>`,
    );
  });
  (["malicious", "benign"] as const).forEach((gold, row) => {
    const counts = options.confusion[gold];
    const total = counts.malicious + counts.benign + counts.abstain + counts.none;
    const y = top + row * cell.height;
    parts.push(
      `<text class="tick" x="${left - 8}" y="${y + cell.height / 2 + 4}" text-anchor="end">${gold === "malicious" ? "Malicious" : "Benign"} (${total})</text>`,
    );
    COLUMNS.forEach(([key, title], column) => {
      const count = counts[key];
      // An empty gold row (e.g. a benign-only set) has no shares: n/a, not 0%.
      const share = total > 0 ? count / total : null;
      const correct = key === gold;
      const hue = correct
        ? "0, 114, 178"
        : key === "abstain" || key === "none"
          ? "120, 120, 120"
          : "213, 94, 0";
      const x = left + column * cell.width;
      parts.push(
        `<g class="cell" data-gold="${gold}" data-predicted="${key}" data-count="${count}"><rect x="${x + 1}" y="${y + 1}" width="${cell.width - 2}" height="${cell.height - 2}" fill="rgba(${hue}, ${(0.08 + 0.8 * (share ?? 0)).toFixed(3)})" stroke="#ccc"/><text class="cell-count" x="${x + cell.width / 2}" y="${y + cell.height / 2}" text-anchor="middle">${count}</text><text class="cell-share" x="${x + cell.width / 2}" y="${y + cell.height / 2 + 16}" text-anchor="middle">${share === null ? "n/a" : `${formatNumber(share * 100, 1)}%`}</text><title>gold ${escapeHtml(gold)}, predicted ${escapeHtml(title)}: ${count}</title></g>`,
      );
    });
  });
  return svgChart({
    frame,
    name: "confusion",
    title: "Confusion matrix with abstentions",
    body: parts.join(""),
  });
}
