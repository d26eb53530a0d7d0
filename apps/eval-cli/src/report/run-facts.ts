import { safeBaseUrl } from "./html/safe-base-url.js";
import type { RunReportData } from "./run-report-data.js";

/** One line of a run card: a name and its value as plain text. */
export interface RunFact {
  name: string;
  value: string;
}

/** Options of {@link runFacts}. */
export interface RunFactsOptions {
  data: RunReportData;
}

function duration(ms: unknown): string {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return "-";
  const seconds = ms / 1000;
  return seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;
}

function tokens(data: RunReportData): string {
  const { input, output, rollouts } = data.tokens;
  if (input === 0 && output === 0) return "none reported";
  // The mean is over the rollouts that reported usage, as metadata.json's `usage` (vf-eval's meaning).
  const mean = (total: number) => (rollouts > 0 ? (total / rollouts).toFixed(1) : "n/a");
  const over =
    rollouts === data.summary.n_rollouts
      ? "per rollout"
      : `per rollout, over the ${rollouts} that reported usage`;
  return `${input.toLocaleString("en-US")} in, ${output.toLocaleString("en-US")} out (mean ${mean(input)} / ${mean(output)} ${over})`;
}

function retries(data: RunReportData): string {
  const { total, rollouts } = data.retries;
  if (total === 0) return "none";
  return `${total} retried request${total === 1 ? "" : "s"} over ${rollouts} rollout${rollouts === 1 ? "" : "s"}`;
}

/** Failed rollouts; in judge runs, how many of them failed at the judge rather than the model. */
function requestErrors(data: RunReportData): string {
  const judged = data.judge?.errors ?? 0;
  if (judged === 0) return String(data.requestErrors);
  return `${data.requestErrors} (${judged} of them at the judge)`;
}

function systemPrompt(data: RunReportData): string {
  const { metadata } = data;
  const envArgs = { ...metadata.env_args, ...(metadata.env_options as Record<string, unknown> | undefined) };
  const file = typeof metadata.system_prompt_file === "string" ? metadata.system_prompt_file : null;
  const custom = typeof envArgs.systemPrompt === "string" || typeof envArgs.system_prompt === "string";
  const origin = file ? `from ${file}` : custom ? "custom (env args)" : "default";
  const { distinct, sha256 } = data.systemPrompt;
  if (distinct === 0) return `${origin}; none in the results`;
  return `${origin}; sha256 ${sha256}${distinct > 1 ? ` over ${distinct} distinct prompts` : ""}`;
}

/**
 * The run card shared by report.md and report.html: model, dataset, N, seed, time, tokens, request
 * errors, retries and rate-limit pauses, endpoint, sampling and system prompt.
 */
export function runFacts(options: RunFactsOptions): RunFact[] {
  const { data } = options;
  const { summary, metadata } = data;
  const dataset = typeof metadata.dataset === "object" ? metadata.dataset : undefined;
  const recorded = metadata.dataset_fingerprint as { sha256?: unknown } | undefined;
  const fingerprint = recorded?.sha256 ?? (dataset as Record<string, unknown> | undefined)?.fingerprint;
  const perExample = metadata.rollouts_per_example ?? 1;
  const facts: RunFact[] = [
    { name: "Model", value: summary.model },
    { name: "Dataset", value: summary.dataset },
    { name: "Split", value: dataset?.split ?? "-" },
    { name: "Dataset source / revision", value: `${dataset?.source ?? "-"} / ${dataset?.revision ?? "-"}` },
  ];
  if (typeof fingerprint === "string") facts.push({ name: "Dataset fingerprint", value: fingerprint });
  facts.push(
    {
      name: "N",
      value: `${summary.n_rollouts} rollouts (${metadata.num_examples ?? summary.n_distinct_examples ?? summary.n_examples} examples × ${perExample}), ${summary.n_errors} failed`,
    },
    {
      name: "Seed",
      value: metadata.seed === undefined || metadata.seed === null ? "-" : String(metadata.seed),
    },
    { name: "Timestamp", value: summary.timestamp },
    { name: "Wall time", value: duration(metadata.time_ms) },
    { name: "Tokens", value: tokens(data) },
    { name: "Request errors", value: requestErrors(data) },
    { name: "Retries", value: retries(data) },
    {
      name: "Rate-limit pauses",
      value: data.rateLimitPauses === null ? "not recorded" : String(data.rateLimitPauses),
    },
    ...(data.judge
      ? [{ name: "Rubric", value: `${data.judge.mode}; judge ${data.judge.model ?? "unknown"}` }]
      : []),
    { name: "Environment", value: summary.environment },
    { name: "Run ID", value: summary.run_id },
    { name: "Endpoint", value: safeBaseUrl(metadata.base_url) },
    { name: "Sampling", value: JSON.stringify(metadata.sampling_args ?? {}) },
    { name: "System prompt", value: systemPrompt(data) },
  );
  return facts;
}
