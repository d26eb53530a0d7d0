import { describe, expect, it } from "vitest";
import type { Candidate } from "../sampling/candidate.js";
import type { StratumSelection } from "../sampling/select-sample.js";
import { timeBlockOf, timeBlockSplit } from "./time-block-split.js";

const candidate = (index: number, start: number): Candidate => ({
  priority: index,
  hash: index.toString(16).padStart(16, "0"),
  flow: { ts: start },
  label: "Benign",
  family: "NA",
  scenario: "CTU-1",
  file: "f",
  line: index + 1,
});

const stratum = (starts: number[]): StratumSelection[] => [
  {
    scenario: "CTU-1",
    label: "Benign",
    seen: starts.length,
    available: starts.length,
    selected: starts.map((start, index) => candidate(index, start)),
  },
];

const time = (entry: Candidate) => Number(entry.flow.ts);

describe("timeBlockSplit", () => {
  it("cuts each capture at 70% and 85% of its flows by start time, each block a gap after the last", () => {
    const starts = Array.from({ length: 100 }, (_, index) => index * 10);
    const split = timeBlockSplit({ strata: stratum(starts), gapSeconds: 25, time });
    expect(split.blocks["CTU-1"]).toEqual({
      train_before: 700,
      dev_from: 725,
      dev_before: 850,
      test_from: 875,
    });
    const names = split.splits[0]!;
    expect(names.slice(0, 70).every((name) => name === "train")).toBe(true);
    // 700, 710, 720 fall in the first gap; 850, 860, 870 in the second.
    expect(names.filter((name) => name === undefined)).toHaveLength(6);
    expect(split.inGaps).toBe(6);
    expect(names.filter((name) => name === "dev")).toHaveLength(12);
    expect(names.filter((name) => name === "test")).toHaveLength(12);
    expect(split.notes).toEqual([]);
    expect(timeBlockOf(split.blocks["CTU-1"]!, 874.9)).toBeUndefined();
  });

  it("says which capture is too short for its window, rather than filling test from elsewhere", () => {
    const split = timeBlockSplit({ strata: stratum([0, 10, 20, 30, 40]), gapSeconds: 300, time });
    expect(split.splits[0]!.filter((name) => name === "test")).toHaveLength(0);
    expect(split.notes).toEqual([
      "CTU-1: no sampled flow left for dev or test: its sampled flows span 40 s, too little for blocks 300 s (the window) apart",
    ]);
  });
});
