import type { ResultLine } from "./result-line.js";
import type { RunMetadata } from "./run-metadata.js";
import type { RunSummary } from "./run-summary.js";
import { SummaryAccumulator } from "./summary-accumulator.js";
import { summaryFromRun } from "./summary-from-run.js";

/** Options of {@link buildSummary}. */
export interface BuildSummaryOptions {
  results: AsyncIterable<ResultLine> | Iterable<ResultLine>;
  metadata: RunMetadata;
  /** ISO 8601 time of the run (see `runTimestamp`). */
  timestamp: string;
}

/** `summary.json` of a run, streaming its result lines in constant memory. Pure: same lines, same bytes. */
export async function buildSummary(options: BuildSummaryOptions): Promise<RunSummary> {
  const accumulator = new SummaryAccumulator();
  for await (const line of options.results) accumulator.add(line);
  return summaryFromRun({
    metadata: options.metadata,
    metrics: accumulator.metrics.result(),
    rewards: accumulator.rewards(),
    rolloutCount: accumulator.size,
    timestamp: options.timestamp,
  });
}
