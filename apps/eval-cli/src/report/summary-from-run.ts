import type { RunMetrics } from "@sv/rubric";
import type { RunMetadata } from "./run-metadata.js";
import type { RewardMeans, RunSummary } from "./run-summary.js";

/** Options of {@link summaryFromRun}. */
export interface SummaryFromRunOptions {
  metadata: RunMetadata;
  metrics: RunMetrics;
  rewards: RewardMeans;
  rolloutCount: number;
  timestamp: string;
}

/** Name of the dataset as the summary states it (`name` of the metadata's dataset block). */
export function datasetName(metadata: RunMetadata): string {
  const dataset = metadata.dataset;
  if (typeof dataset === "string") return dataset;
  return dataset?.name ?? dataset?.source ?? "unknown";
}

/** Assemble `summary.json` from finished accumulators; key order is fixed so output is byte-stable. */
export function summaryFromRun(options: SummaryFromRunOptions): RunSummary {
  const { metadata } = options;
  const extra: RunSummary["metadata"] = {};
  if (typeof metadata.seed === "number") extra.seed = metadata.seed;
  const envVersion = metadata.version_info?.env_version;
  if (typeof envVersion === "string") extra.env_version = envVersion;
  if (typeof metadata.dataset === "object" && metadata.dataset.split) extra.split = metadata.dataset.split;
  if (typeof metadata.rollouts_per_example === "number") {
    extra.rollouts_per_example = metadata.rollouts_per_example;
  }
  return {
    environment: metadata.env_id ?? "sv-env-network-logs",
    version: "0.1.0",
    run_id: metadata.run_id ?? "unknown",
    timestamp: options.timestamp,
    model: metadata.model ?? "unknown",
    dataset: datasetName(metadata),
    n_examples: options.rolloutCount,
    metrics: options.metrics,
    rewards: options.rewards,
    metadata: extra,
  };
}
