import type { BuildSummaryOptions } from "../run-output/build-summary.js";
import type { RunMetadata } from "./run-metadata.js";

/**
 * The fields `buildSummary` needs, from a run's metadata.json as written by `pnpm eval`, vf-eval, or an
 * older version of ours (missing fields get neutral defaults). `timestamp` is the run's time.
 */
export function summaryMetadata(metadata: RunMetadata, timestamp: string): BuildSummaryOptions["metadata"] {
  const dataset = metadata.dataset;
  const name = typeof dataset === "string" ? dataset : (dataset?.name ?? dataset?.source ?? "unknown");
  const versionInfo: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata.version_info ?? {})) {
    if (typeof value === "string") versionInfo[key] = value;
  }
  return {
    env_id: metadata.env_id ?? "sv-env-network-logs",
    run_id: metadata.run_id ?? "unknown",
    started_at: timestamp,
    model: metadata.model ?? "unknown",
    dataset: {
      name,
      source: typeof dataset === "object" ? (dataset.source ?? "unknown") : "unknown",
      split: typeof dataset === "object" ? (dataset.split ?? "all") : "all",
      revision: typeof dataset === "object" ? (dataset.revision ?? null) : null,
      path: null,
    },
    seed: typeof metadata.seed === "number" ? metadata.seed : null,
    version_info: versionInfo,
    system_prompt_file: typeof metadata.system_prompt_file === "string" ? metadata.system_prompt_file : null,
  };
}
