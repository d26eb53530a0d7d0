import { CLI_ERROR_CODES, CliError } from "../cli-error.js";
import { mergeFlowIndexParts, removeFlowIndexParts } from "./merge-flow-index-parts.js";
import { type ContextOptions, emptyContextStats } from "../context/context-options.js";
import { buildContextRows, type ContextSection, type ContextSplitStrategy } from "../context/context-rows.js";
import { findInputFiles } from "../io/find-input-files.js";
import type { AttemptedPolicy } from "../readers/cic-mapper.js";
import { type FileSampleJob, sampleFiles } from "../parallel/index.js";
import type { FileReport } from "../readers/file-report.js";
import { inputNotes } from "../readers/input-notes.js";
import { IOT23_CAPTURE } from "../readers/iot23-scenario.js";
import { ignoreReason } from "../readers/read-source-file.js";
import { META_SOURCE, type SourceName } from "../readers/source-name.js";
import { assignSplits, type SplitStrategy } from "../sampling/assign-splits.js";
import { absorbFileSample } from "../sampling/file-sample.js";
import { orderForOutput } from "../sampling/output-order.js";
import { canonicalRejection, flowRejection, INVALID_VALUE } from "./canonical-rejection.js";
import { selectSample } from "../sampling/select-sample.js";
import { SkipLog } from "../sampling/skip-log.js";
import { StratifiedSampler } from "../sampling/stratified-sampler.js";
import { countRows, type RowCounts } from "./count-rows.js";
import { type DatasetRow, toDatasetRow } from "./dataset-row.js";

export interface BuildSourceOptions {
  source: SourceName;
  /** Local files or directories (a Hub source is downloaded first). */
  roots: readonly string[];
  seed: number;
  limit: number;
  /** Half per label (IoT-23, CIC) or natural proportions (UNSW). */
  balanced: boolean;
  /** Train/dev/test strategy; undefined for out-of-distribution sets (every row gets split `ood`). */
  splitStrategy?: SplitStrategy;
  attempted: AttemptedPolicy;
  /**
   * Worker threads that read input files in parallel (default 1: every file on the calling thread).
   * Outputs are byte-identical whatever the count.
   */
  workers?: number;
  /** Input bytes per extra thread before it is started (default 64 MB; 0: always start them). */
  minBytesPerWorker?: number;
  /**
   * `--flow-index`: write every flow read (not only the sampled ones) to this SQLite index. Each file
   * is indexed into its own part (in whichever thread reads it), merged in file order at the end, so
   * the content does not depend on `workers`.
   */
  flowIndex?: string;
  /** Also build the context dataset: the same sample, each flow with its originator's earlier flows. */
  context?: ContextOptions;
  /** Train/dev/test strategy of the context dataset (default `capture`); OOD sets are all `ood`. */
  contextSplitStrategy?: ContextSplitStrategy;
  /** The single-flow file name, recorded in the context section. */
  fileName?: string;
  onProgress?: (message: string) => void;
}

/** The sampling manifest section of one dataset. */
export interface SourceManifest {
  source: string;
  limit: number;
  balanced: boolean;
  split_strategy: SplitStrategy | "ood";
  inputs: FileReport[];
  ignored_files: { file: string; reason: string }[];
  rows_read: number;
  lines_skipped: { counts: Record<string, number>; examples: Record<string, string[]> };
  duplicates_dropped: number;
  label_conflicts: number;
  label_conflict_examples: string[];
  strata: { scenario: string; label: string; seen: number; distinct_held: number; selected: number }[];
  capture_splits?: Record<string, string>;
  counts: RowCounts;
  notes: string[];
}

export interface BuiltSource {
  rows: DatasetRow[];
  manifest: SourceManifest;
  /** Context builds: the context rows (possibly none: a format without time or hosts) and their section. */
  context?: { rows: DatasetRow[]; section: ContextSection };
}

/** Read every input of one dataset in a single streaming pass, then sample, deduplicate and split. */
export async function buildSource(options: BuildSourceOptions): Promise<BuiltSource> {
  const { source, seed, limit, onProgress } = options;
  const files = await findInputFiles({
    roots: options.roots,
    ...(source === "iot23" ? { anchor: IOT23_CAPTURE } : {}),
  });
  const share = options.balanced ? Math.ceil(limit / 2) : limit;
  const capacity = Math.ceil(share * 1.05) + 16;
  const sampler = new StratifiedSampler({ capacity });
  const skips = new SkipLog();
  const contextStats = options.context ? emptyContextStats() : undefined;
  const inputs: FileReport[] = [];
  // Indexed by position in `files`, so the manifest lists them in read order.
  const ignoredAt: ({ file: string; reason: string } | undefined)[] = [];
  const jobs: FileSampleJob[] = [];
  const positions: number[] = [];
  for (const [position, file] of files.entries()) {
    const reason = file.ignored ?? ignoreReason(source, file);
    if (reason !== undefined) ignoredAt[position] = { file: file.displayName, reason };
    else {
      jobs.push({
        source,
        file,
        seed,
        capacity,
        attempted: options.attempted,
        ...(options.context ? { context: options.context } : {}),
        ...(options.flowIndex ? { flowIndexPart: `${options.flowIndex}.part-${position}` } : {}),
      });
      positions.push(position);
    }
  }
  const reading = sampleFiles({
    jobs,
    workers: options.workers ?? 1,
    ...(options.minBytesPerWorker !== undefined ? { minBytesPerWorker: options.minBytesPerWorker } : {}),
    onResult: (result, index) => {
      const position = positions[index]!;
      const file = files[position]!;
      if ("ignored" in result) {
        ignoredAt[position] = { file: file.displayName, reason: result.ignored };
        onProgress?.(`${source}: ignored ${file.displayName}: ${result.ignored}`);
        return;
      }
      const { report, seconds } = result.sample;
      absorbFileSample({
        sampler,
        skips,
        sample: result.sample,
        ...(contextStats ? { context: contextStats } : {}),
      });
      inputs.push(report);
      onProgress?.(
        `${source}: [${position + 1}/${files.length}] ${file.displayName}: ${report.rows} rows, ${report.skipped} skipped, ${(report.bytes / 1e6 / Math.max(seconds, 1e-3)).toFixed(0)} MB/s`,
      );
    },
  });
  await reading.catch((error: unknown) => {
    removeFlowIndexParts(jobs);
    throw error;
  });
  if (options.flowIndex) {
    const flows = mergeFlowIndexParts(options.flowIndex, jobs);
    onProgress?.(`${source}: flow index: ${flows} flows with a time`);
  }
  const ignored = ignoredAt.filter((entry) => entry !== undefined);
  const strata = sampler.all();
  const selection = selectSample({
    strata,
    limit,
    balanced: options.balanced,
    reject: canonicalRejection(strata),
  });
  for (const { candidate, reason } of selection.rejected) {
    skips.add(INVALID_VALUE, `${candidate.file}:${candidate.line}`, reason);
    const report = inputs.find((input) => input.file === candidate.file);
    if (report) report.skipped += 1;
  }
  const split = options.splitStrategy
    ? assignSplits({ strata: selection.strata, strategy: options.splitStrategy, seed })
    : undefined;
  const entries = selection.strata.flatMap((stratum, index) =>
    stratum.selected.map((candidate, position) => ({
      candidate,
      split: split ? split.splits[index]![position]! : "ood",
    })),
  );
  const rows = orderForOutput({ entries, seed }).map((entry) =>
    toDatasetRow({ candidate: entry.candidate, source: META_SOURCE[source], split: entry.split }),
  );
  if (rows.length === 0) {
    const reasons = Object.entries(skips.toJSON().counts).map(([reason, count]) => `${reason}: ${count}`);
    throw new CliError({
      code: CLI_ERROR_CODES.nothingUsable,
      message: `${source}: no usable flows in ${files.length} file(s) under ${options.roots.join(", ")}${reasons.length ? ` (skipped: ${reasons.join("; ")})` : ""}${ignored.length ? ` (ignored: ${ignored.map((entry) => `${entry.file}: ${entry.reason}`).join("; ")})` : ""}`,
    });
  }
  const context =
    options.context && contextStats
      ? buildContextRows({
          strata: selection.strata,
          source: META_SOURCE[source],
          sampleOf: options.fileName ?? source,
          context: options.context,
          ...(options.splitStrategy ? { splitStrategy: options.contextSplitStrategy ?? "capture" } : {}),
          seed,
          reject: flowRejection(strata),
          stats: contextStats,
        })
      : undefined;
  return {
    rows,
    ...(context ? { context } : {}),
    manifest: {
      source: META_SOURCE[source],
      limit,
      balanced: options.balanced,
      split_strategy: options.splitStrategy ?? "ood",
      inputs,
      ignored_files: ignored,
      rows_read: inputs.reduce((sum, report) => sum + report.rows, 0),
      lines_skipped: skips.toJSON(),
      duplicates_dropped: selection.duplicatesDropped,
      label_conflicts: selection.labelConflicts,
      label_conflict_examples: selection.conflictExamples,
      strata: selection.strata.map((stratum) => ({
        scenario: stratum.scenario,
        label: stratum.label,
        seen: stratum.seen,
        distinct_held: stratum.available,
        selected: stratum.selected.length,
      })),
      ...(split?.scenarios ? { capture_splits: split.scenarios } : {}),
      counts: countRows(rows),
      notes: [...selection.notes, ...(split?.notes ?? []), ...inputNotes({ inputs, ignored })],
    },
  };
}
