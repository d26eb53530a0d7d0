import type { RunReportData } from "../run-report-data.js";
import { escapeHtml } from "./escape-html.js";
import { safeBaseUrl } from "./safe-base-url.js";

/** Options of {@link renderRunInfo}. */
export interface RenderRunInfoOptions {
  data: RunReportData;
}

function duration(ms: unknown): string {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return "-";
  const seconds = ms / 1000;
  return seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;
}

/** The run information block: model, dataset, split, N, seed, time, tokens. */
export function renderRunInfo(options: RenderRunInfoOptions): string {
  const { summary, metadata, tokens } = options.data;
  const dataset = typeof metadata.dataset === "object" ? metadata.dataset : undefined;
  const rollouts = summary.n_rollouts;
  const perExample = metadata.rollouts_per_example ?? 1;
  const mean = (total: number) => (rollouts > 0 ? (total / rollouts).toFixed(1) : "0");
  const rows: [string, string][] = [
    ["Model", summary.model],
    ["Dataset", summary.dataset],
    ["Split", dataset?.split ?? "-"],
    ["Dataset source / revision", `${dataset?.source ?? "-"} / ${dataset?.revision ?? "-"}`],
    ["N", `${rollouts} rollouts (${metadata.num_examples ?? "?"} examples × ${perExample})`],
    ["Seed", metadata.seed === undefined ? "-" : String(metadata.seed)],
    ["Time", `${summary.timestamp} (took ${duration(metadata.time_ms)})`],
    [
      "Tokens",
      `${tokens.input.toLocaleString("en-US")} in, ${tokens.output.toLocaleString("en-US")} out (mean ${mean(tokens.input)} / ${mean(tokens.output)} per rollout)`,
    ],
    ["Request errors", String(options.data.requestErrors)],
    ["Environment", summary.environment],
    ["Run ID", summary.run_id],
    ["Endpoint", safeBaseUrl(metadata.base_url)],
    ["Sampling", JSON.stringify(metadata.sampling_args ?? {})],
  ];
  return `<dl class="info">${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd data-field="${escapeHtml(term)}">${escapeHtml(value)}</dd>`).join("")}</dl>`;
}
