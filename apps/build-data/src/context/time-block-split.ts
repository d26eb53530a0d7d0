import type { SplitName } from "../sampling/assign-splits.js";
import { type Candidate, compareCandidates } from "../sampling/candidate.js";
import type { StratumSelection } from "../sampling/select-sample.js";

/** One capture's time blocks (start times in seconds, as the flows give them). */
export interface CaptureTimeBlocks {
  /** Train: flows that started before this. */
  train_before: number;
  /** Dev: flows that started at or after this (train_before + the gap) and before `dev_before`. */
  dev_from: number;
  dev_before: number;
  /** Test: flows that started at or after this (dev_before + the gap). */
  test_from: number;
}

export interface TimeBlockSplit {
  /** Split of each stratum's selected candidates, index for index; undefined = in a gap, left out. */
  splits: (SplitName | undefined)[][];
  /** Per capture (scenario): its blocks. */
  blocks: Record<string, CaptureTimeBlocks>;
  /** Sampled flows left out because they started in a gap between two blocks. */
  inGaps: number;
  /** Captures whose dev or test block is left empty by the gaps, in words. */
  notes: string[];
}

/**
 * Per-capture time blocks with gaps (`--context-split-strategy time`): inside each capture the sampled
 * flows are ordered by start time; the first 70% set where train ends, the next 15% where dev ends, and
 * each later block starts `gapSeconds` (the context window) after the one before ends. Flows that
 * started in a gap are left out. A context flow starts at most the window before its row, so the
 * context of a dev or test row lies in its own block or the gap before it: no flow, question or
 * context, is seen by two splits, and a host's neighbouring flows (within the window) never straddle
 * train and test, with as few as one capture.
 */
export function timeBlockSplit(options: {
  strata: readonly StratumSelection[];
  gapSeconds: number;
  time: (candidate: Candidate) => number;
}): TimeBlockSplit {
  const { strata, gapSeconds, time } = options;
  const byScenario = new Map<string, Candidate[]>();
  for (const stratum of strata) {
    const list = byScenario.get(stratum.scenario) ?? [];
    list.push(...stratum.selected);
    byScenario.set(stratum.scenario, list);
  }
  const assigned = new Map<Candidate, SplitName | undefined>();
  const blocks: Record<string, CaptureTimeBlocks> = {};
  let inGaps = 0;
  const notes: string[] = [];
  for (const scenario of [...byScenario.keys()].sort()) {
    const list = byScenario.get(scenario)!;
    if (list.length === 0) continue;
    list.sort((left, right) => time(left) - time(right) || compareCandidates(left, right));
    const at = (fraction: number) =>
      time(list[Math.min(list.length - 1, Math.floor(list.length * fraction))]!);
    const trainBefore = at(0.7);
    const devBefore = Math.max(at(0.85), trainBefore + gapSeconds);
    const block: CaptureTimeBlocks = {
      train_before: trainBefore,
      dev_from: trainBefore + gapSeconds,
      dev_before: devBefore,
      test_from: devBefore + gapSeconds,
    };
    blocks[scenario] = block;
    const filled = new Set<SplitName>();
    for (const candidate of list) {
      const start = time(candidate);
      const split = timeBlockOf(block, start);
      if (split === undefined) inGaps++;
      else filled.add(split);
      assigned.set(candidate, split);
    }
    const empty = (["dev", "test"] as const).filter((name) => !filled.has(name));
    if (empty.length > 0)
      notes.push(
        `${scenario}: no sampled flow left for ${empty.join(" or ")}: its sampled flows span ${Math.round(time(list.at(-1)!) - time(list[0]!))} s, too little for blocks ${gapSeconds} s (the window) apart`,
      );
  }
  return {
    splits: strata.map((stratum) => stratum.selected.map((candidate) => assigned.get(candidate))),
    blocks,
    inGaps,
    notes,
  };
}

/**
 * The earliest start a row of `split` may show or look up in its capture: the end of the previous
 * split's block (the gap before its own block is no split's); undefined for train, the first block.
 */
export function lookBackFrom(block: CaptureTimeBlocks, split: string): number | undefined {
  if (split === "dev") return block.train_before;
  if (split === "test") return block.dev_before;
  return undefined;
}

/** The block a start time falls in, or undefined in a gap. */
export function timeBlockOf(block: CaptureTimeBlocks, start: number): SplitName | undefined {
  if (start < block.train_before) return "train";
  if (start < block.dev_from) return undefined;
  if (start < block.dev_before) return "dev";
  if (start < block.test_from) return undefined;
  return "test";
}
