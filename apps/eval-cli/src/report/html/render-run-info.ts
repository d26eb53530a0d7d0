import { runFacts } from "../run-facts.js";
import type { RunReportData } from "../run-report-data.js";
import { escapeHtml } from "./escape-html.js";

/** Options of {@link renderRunInfo}. */
export interface RenderRunInfoOptions {
  data: RunReportData;
}

/** The run card: model, dataset, split, N, seed, time, tokens, errors, retries, rate-limit pauses, … */
export function renderRunInfo(options: RenderRunInfoOptions): string {
  const rows = runFacts({ data: options.data });
  return `<dl class="info">${rows.map((fact) => `<dt>${escapeHtml(fact.name)}</dt><dd data-field="${escapeHtml(fact.name)}">${escapeHtml(fact.value)}</dd>`).join("")}</dl>`;
}
