import { renderContextQuestion } from "@sv/dataset";
import type { DatasetRow } from "../build/dataset-row.js";
import { countRows, type RowCounts } from "../build/count-rows.js";
import { toDatasetRow } from "../build/dataset-row.js";
import { assignSplits, type SplitStrategy } from "../sampling/assign-splits.js";
import type { Candidate } from "../sampling/candidate.js";
import { orderForOutput } from "../sampling/output-order.js";
import type { StratumSelection } from "../sampling/select-sample.js";
import type { ContextOptions, ContextStats } from "./context-options.js";

/** A context dataset's section of the context manifest. */
export interface ContextSection {
  /** The single-flow dataset whose sample the context rows are. */
  sample_of: string;
  flows: number;
  window_seconds: number;
  max_hosts: number;
  /** Memory bound of the per-file host rings: `flows × max_hosts` remembered lines. */
  memory_bound_lines: number;
  split_strategy: SplitStrategy | "ood";
  capture_splits?: Record<string, string>;
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
  splitStrategy?: SplitStrategy;
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
export function buildContextRows(options: BuildContextRowsOptions): { rows: DatasetRow[]; section: ContextSection } {
  const stats = { ...options.stats };
  let withoutContext = 0;
  const strata = options.strata.map((stratum) => {
    const selected = stratum.selected.filter((candidate) => candidate.context !== undefined);
    withoutContext += stratum.selected.length - selected.length;
    return { ...stratum, selected };
  });
  const split = options.splitStrategy
    ? assignSplits({ strata, strategy: options.splitStrategy, seed: options.seed })
    : undefined;
  const entries = strata.flatMap((stratum, index) =>
    stratum.selected.map((candidate, position) => ({
      candidate,
      split: split ? split.splits[index]![position]! : "ood",
    })),
  );
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
    return row;
  });
  const notes = [...(split?.notes ?? [])];
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
      sampled_without_context: withoutContext,
      stats,
      context_sizes: sizes,
      counts: countRows(rows),
      notes,
    },
  };
}
