import type { RowAnswer } from "@sv/dataset";
import { addContextStats, type ContextStats } from "../context/context-options.js";
import type { FileReport } from "../readers/file-report.js";
import type { Candidate } from "./candidate.js";
import type { SkipLog, SkipLogData } from "./skip-log.js";
import type { StratifiedSampler } from "./stratified-sampler.js";

/** What one stratum held after reading one file (plain data, so it can cross a worker boundary). */
export interface StratumSnapshot {
  scenario: string;
  label: RowAnswer;
  seen: number;
  duplicates: number;
  /** The reservoir's candidates, smallest first, without their raw bytes. */
  candidates: Candidate[];
}

/** Everything one input file contributed: its report, its strata and its skipped lines. */
export interface FileSample {
  report: FileReport;
  /** Time spent reading the file (for progress lines only; never written to an output). */
  seconds: number;
  strata: StratumSnapshot[];
  skips: SkipLogData;
  /** Context builds: the file's context counts. */
  context?: ContextStats;
}

/** Snapshot every non-empty stratum of a sampler that read one file. */
export function snapshotStrata(sampler: StratifiedSampler): StratumSnapshot[] {
  return sampler.all().map((stratum) => ({
    scenario: stratum.scenario,
    label: stratum.label,
    seen: stratum.seen,
    duplicates: stratum.reservoir.duplicates,
    candidates: stratum.reservoir.sorted().map(({ raw: _raw, ...candidate }) => candidate),
  }));
}

export interface AbsorbFileSampleOptions {
  sampler: StratifiedSampler;
  skips: SkipLog;
  sample: FileSample;
  /** Context builds: where the file's context counts are summed. */
  context?: ContextStats;
}

/**
 * Merge one file's sample into the build's sampler and skip log. Reservoirs are bottom-k samples, so
 * the merged sample is the same whichever thread read which file; absorbing files in read order keeps
 * the duplicate counts and skip examples identical too.
 */
export function absorbFileSample(options: AbsorbFileSampleOptions): void {
  const { sampler, skips, sample } = options;
  for (const snapshot of sample.strata) {
    const stratum = sampler.stratum(snapshot.scenario, snapshot.label);
    stratum.seen += snapshot.seen;
    stratum.reservoir.duplicates += snapshot.duplicates;
    for (const candidate of snapshot.candidates) stratum.offer(candidate);
  }
  skips.absorb(sample.skips);
  if (options.context && sample.context) addContextStats(options.context, sample.context);
}
