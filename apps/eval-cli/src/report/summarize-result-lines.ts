import type { RolloutResult } from "@sv/env";
import { buildSummary, buildSummarySync, type RunSummary } from "../run-output/build-summary.js";
import type { ResultLine } from "./result-line.js";
import type { RunMetadata } from "./run-metadata.js";
import { summaryMetadata } from "./summary-metadata.js";

/** Options of {@link summarizeResultLines}. */
export interface SummarizeResultLinesOptions {
  results: AsyncIterable<ResultLine> | Iterable<ResultLine>;
  metadata: RunMetadata;
  /** The run's time, ISO 8601 (see `runTimestamp`). */
  timestamp: string;
}

/** summary.json of a run from its (normalised) result lines: the same builder `pnpm eval` uses. */
export function summarizeResultLines(options: SummarizeResultLinesOptions): Promise<RunSummary> {
  return buildSummary({
    results: options.results as AsyncIterable<RolloutResult>,
    metadata: summaryMetadata(options.metadata, options.timestamp),
  });
}

/** {@link summarizeResultLines} over lines already in memory. */
export function summarizeResultLinesSync(
  options: SummarizeResultLinesOptions & { results: Iterable<ResultLine> },
): RunSummary {
  return buildSummarySync({
    results: options.results as Iterable<RolloutResult>,
    metadata: summaryMetadata(options.metadata, options.timestamp),
  });
}
