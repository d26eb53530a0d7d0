import { describe, expect, it } from "vitest";
import type { DatasetRow } from "../build/dataset-row.js";
import { checkTimeBlocks } from "./check-time-blocks.js";

const row = (split: string, ts: number, extra: Record<string, number> = {}): DatasetRow => ({
  question: "q",
  answer: "Benign",
  meta: {
    source: "iot23",
    scenario: "CTU-1",
    attack_family: "NA",
    hash: "0",
    split,
    file: "f",
    line: 1,
    ts,
    ...extra,
  },
});
const blocks = { "CTU-1": { train_before: 100, dev_from: 110, dev_before: 200, test_from: 210 } };

describe("checkTimeBlocks", () => {
  it("passes rows inside their blocks, with look_back_from where the previous block ends", () => {
    const check = checkTimeBlocks({
      rows: [
        row("train", 50),
        row("dev", 150, { look_back_from: 100 }),
        row("test", 300, { look_back_from: 200 }),
      ],
      section: { split_strategy: "time", window_seconds: 10, time_blocks: blocks },
      name: "x.jsonl",
    })!;
    expect(check.ok).toBe(true);
  });

  it("fails blocks closer than the window, a row in a gap, a wrong look_back_from, and a set without blocks", () => {
    const check = checkTimeBlocks({
      rows: [row("dev", 105, { look_back_from: 100 }), row("test", 300, { look_back_from: 110 })],
      section: { split_strategy: "time", window_seconds: 30, time_blocks: blocks },
      name: "x.jsonl",
    })!;
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/CTU-1: blocks 10 s and 10 s apart, less than the 30 s window/);
    expect(check.detail).toMatch(/x\.jsonl:1 \(dev\) starts at 105, in the gap block/);
    expect(check.detail).toMatch(/x\.jsonl:2 \(test\) meta\.look_back_from 110, expected 200/);
    const old = checkTimeBlocks({
      rows: [row("train", 1)],
      section: { split_strategy: "time", window_seconds: 30 },
      name: "x.jsonl",
    })!;
    expect(old.ok).toBe(false);
    expect(old.detail).toMatch(/no time_blocks.*rebuild/);
    expect(checkTimeBlocks({ rows: [], section: { split_strategy: "capture" }, name: "x" })).toBeUndefined();
  });
});
