import { flowHash, renderContextQuestion } from "@sv/dataset";
import type { DatasetRow } from "../build/dataset-row.js";
import { countRows, type RowCounts } from "../build/count-rows.js";
import { toDatasetRow } from "../build/dataset-row.js";
import { assignSplits, type SplitStrategy } from "../sampling/assign-splits.js";
import type { Candidate } from "../sampling/candidate.js";
import { orderForOutput } from "../sampling/output-order.js";
import type { StratumSelection } from "../sampling/select-sample.js";
import type { ContextOptions, ContextStats } from "./context-options.js";
import { epochSeconds, recordStartSeconds } from "./record-time.js";
import { type CaptureTimeBlocks, lookBackFrom, timeBlockSplit } from "./time-block-split.js";

/**
 * Splits of a context set: `capture` (default; whole captures held out), `stratified` (70/15/15 per
 * scenario × label, neighbouring flows may straddle splits), or `time` (per-capture time blocks, 70%
 * train, 15% dev, 15% test by start time, each block starting the context window after the one
 * before, see {@link timeBlockSplit}).
 */
export type ContextSplitStrategy = SplitStrategy | "time";

export const CONTEXT_SPLIT_STRATEGIES: readonly ContextSplitStrategy[] = ["capture", "stratified", "time"];

/** Start time of a candidate (Zeek `ts`, CIC `Timestamp`, UNSW `stime`). */
function candidateTime(candidate: Candidate): number {
  const ts = candidate.flow.ts;
  return (
    (typeof ts === "number" ? ts : epochSeconds(ts ?? undefined)) ?? recordStartSeconds(candidate.extra) ?? 0
  );
}

/** A context dataset's section of the context manifest. */
export interface ContextSection {
  /** The single-flow dataset whose sample the context rows are. */
  sample_of: string;
  flows: number;
  window_seconds: number;
  max_hosts: number;
  /** Memory bound of the per-file host rings: `flows × max_hosts` remembered lines. */
  memory_bound_lines: number;
  split_strategy: ContextSplitStrategy | "ood";
  capture_splits?: Record<string, string>;
  /** For `time`: each capture's blocks (start times in seconds; a gap of `window_seconds` between). */
  time_blocks?: Record<string, CaptureTimeBlocks>;
  /** For `time`: sampled flows left out because they started in a gap between two blocks. */
  rows_in_time_gaps?: number;
  /**
   * Dev/test rows dropped because a flow they show is shown by another split: a context flow that is
   * a question or a context flow of another split, or a question that is another split's context flow.
   */
  rows_dropped_for_overlap: number;
  /** Sampled flows left out because their file or line has no time or originator host. */
  sampled_without_context: number;
  /** The context pass's counts, summed over the source's files. */
  stats: ContextStats;
  /** Distribution of the number of context flows per row (index = count). */
  context_sizes: number[];
  counts: RowCounts;
  notes: string[];
}

export interface BuildContextRowsOptions {
  /** The single-flow sample, as selected (same flows, same priority order). */
  strata: readonly StratumSelection[];
  source: string;
  /** The single-flow file's name (recorded as `sample_of`). */
  sampleOf: string;
  context: ContextOptions;
  /** Train/dev/test strategy (IoT-23); undefined for out-of-distribution sets (split `ood`). */
  splitStrategy?: ContextSplitStrategy;
  seed: number;
  /** Why a context flow's rendering would fail validation (it is then left out of the context). */
  reject: (flow: NonNullable<Candidate["context"]>[number]) => string | undefined;
  stats: ContextStats;
}

/**
 * The context dataset of one source: the sampled flows that carry context (their file has time and
 * originator hosts), each as a context question (see `renderContextQuestion` in @sv/dataset), split by
 * capture by default so a host's neighbouring flows never sit in train and test.
 */
export function buildContextRows(options: BuildContextRowsOptions): {
  rows: DatasetRow[];
  section: ContextSection;
} {
  const stats = { ...options.stats };
  let withoutContext = 0;
  const strata = options.strata.map((stratum) => {
    const selected = stratum.selected.filter((candidate) => candidate.context !== undefined);
    withoutContext += stratum.selected.length - selected.length;
    return { ...stratum, selected };
  });
  const strategy = options.splitStrategy;
  const blocks =
    strategy === "time"
      ? timeBlockSplit({ strata, gapSeconds: options.context.windowSeconds, time: candidateTime })
      : undefined;
  const split =
    strategy === undefined || strategy === "time"
      ? undefined
      : assignSplits({ strata, strategy, seed: options.seed });
  const assigned = strata.flatMap((stratum, index) =>
    stratum.selected.flatMap((candidate, position) => {
      const name = blocks ? blocks.splits[index]![position] : split ? split.splits[index]![position]! : "ood";
      return name === undefined ? [] : [{ candidate, split: name }];
    }),
  );
  const entries = dropOverlaps(assigned);
  const droppedForOverlap = assigned.length - entries.length;
  const sizes: number[] = Array.from({ length: options.context.flows + 1 }, () => 0);
  const rows = orderForOutput({ entries, seed: options.seed }).map(({ candidate, split: name }) => {
    const context = (candidate.context ?? []).filter((flow) => {
      if (options.reject(flow) === undefined) return true;
      stats.context_flows_invalid++;
      return false;
    });
    sizes[context.length]! += 1;
    const row = toDatasetRow({ candidate, source: options.source, split: name });
    row.question = renderContextQuestion({
      context,
      flow: candidate.flow,
      windowSeconds: options.context.windowSeconds,
    });
    row.meta.context_flows = context.length;
    row.meta.ts = candidateTime(candidate);
    const block = blocks?.blocks[candidate.scenario];
    const from = block === undefined ? undefined : lookBackFrom(block, name);
    if (from !== undefined) row.meta.look_back_from = from;
    return row;
  });
  const notes = [...(split?.notes ?? []), ...(blocks?.notes ?? [])];
  if (strategy === "capture" && (split?.notes.length ?? 0) > 0)
    notes.push(
      "with too few captures to hold whole ones out, --context-split-strategy time splits each capture into time blocks a window apart",
    );
  if (blocks !== undefined && blocks.inGaps > 0)
    notes.push(
      `${blocks.inGaps} sampled flow(s) left out: they started in the ${options.context.windowSeconds} s gap between two time blocks`,
    );
  if (droppedForOverlap > 0)
    notes.push(
      `${droppedForOverlap} dev/test row(s) dropped: a flow they show is also shown in another split`,
    );
  if (withoutContext > 0)
    notes.push(
      `${withoutContext} sampled flow(s) of ${options.sampleOf} have no time or originator host in their format and are not in the context set`,
    );
  return {
    rows,
    section: {
      sample_of: options.sampleOf,
      flows: options.context.flows,
      window_seconds: options.context.windowSeconds,
      max_hosts: options.context.maxHosts,
      memory_bound_lines: options.context.flows * options.context.maxHosts,
      split_strategy: options.splitStrategy ?? "ood",
      ...(split?.scenarios ? { capture_splits: split.scenarios } : {}),
      ...(blocks ? { time_blocks: blocks.blocks, rows_in_time_gaps: blocks.inGaps } : {}),
      rows_dropped_for_overlap: droppedForOverlap,
      sampled_without_context: withoutContext,
      stats,
      context_sizes: sizes,
      counts: countRows(rows),
      notes,
    },
  };
}

/**
 * Drop the dev/test rows that would let one split see another: a row whose context holds a question or
 * a context flow of another split, or whose question is a context flow of a row in another split.
 * Flows are compared by content (`flowHash`). Train rows are kept (the evaluation splits give way), so
 * the result passes `validate`'s context overlap check.
 */
function dropOverlaps<T extends { candidate: Candidate; split: string }>(entries: readonly T[]): T[] {
  const shownBy = new Map<string, Set<string>>();
  const show = (hash: string, split: string) => {
    const splits = shownBy.get(hash) ?? new Set<string>();
    splits.add(split);
    shownBy.set(hash, splits);
  };
  const contextHashes = new Map<T, string[]>();
  for (const entry of entries) {
    show(entry.candidate.hash, entry.split);
    const hashes = (entry.candidate.context ?? []).map((flow) => flowHash(flow));
    contextHashes.set(entry, hashes);
    for (const hash of hashes) show(hash, entry.split);
  }
  const onlyIn = (hash: string, split: string) =>
    [...(shownBy.get(hash) ?? [])].every((other) => other === split);
  return entries.filter((entry) => {
    if (entry.split === "train" || entry.split === "ood") return true;
    return (
      onlyIn(entry.candidate.hash, entry.split) &&
      contextHashes.get(entry)!.every((hash) => onlyIn(hash, entry.split))
    );
  });
}
