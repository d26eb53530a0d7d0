import { describe, expect, it } from "vitest";
import type { ResultLine } from "../result-line.js";
import { LISTED_DISAGREEMENTS, JudgeStatsAccumulator } from "./judge-stats-accumulator.js";
import { disagreementsLeftOut } from "./judge-rows.js";

/** A wrong Benign reply the judge accepts: a disagreement. */
function disagreeing(exampleId: number | string, rolloutIndex: number): ResultLine {
  return {
    example_id: exampleId,
    rollout_index: rolloutIndex,
    prompt: [],
    completion: "",
    answer: "Malicious",
    reward: 1,
    metrics: { accuracy: 0, format: 1, calibration: 0.3, asymmetric_cost: -1 },
    parsed: { label: "Benign", confidence: 0.7 },
    info: {},
    token_usage: { input_tokens: 1, output_tokens: 1 },
    timing: { generation_ms: 0, scoring_ms: 0, total_ms: 0 },
    attempts: 1,
    error: null,
    judge: {
      kind: "correctness",
      model: "judge-x",
      verdict: "yes",
      score: 1,
      reply: "yes",
      cached: false,
      skipped: false,
      attempts: 1,
      tokenUsage: { input: 10, output: 1 },
      error: null,
    },
    programmaticReward: -0.34,
  };
}

describe("JudgeStatsAccumulator", () => {
  it("lists the first disagreements by example and rollout whatever the row order, and counts them all", () => {
    const lines = [
      ...Array.from({ length: 240 }, (_, index) => disagreeing(Math.floor(index / 2), index % 2)),
      disagreeing("b-string", 0),
      disagreeing("a-string", 0),
    ];
    const orders = [
      lines,
      [...lines].reverse(),
      lines.filter((_, i) => i % 2).concat(lines.filter((_, i) => !(i % 2))),
    ];
    const results = orders.map((order) => {
      const accumulator = new JudgeStatsAccumulator({ rubric: { mode: "judge", judge_model: "judge-x" } });
      for (const line of order) accumulator.add(line);
      return accumulator.result()!;
    });
    for (const stats of results) {
      expect(stats.disagreements.total).toBe(242);
      expect(stats.disagreements.listed).toEqual(results[0]!.disagreements.listed);
    }
    const listed = results[0]!.disagreements.listed;
    expect(listed).toHaveLength(LISTED_DISAGREEMENTS);
    expect(listed.slice(0, 3).map((item) => [item.exampleId, item.rolloutIndex])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(listed.at(-1)).toMatchObject({ exampleId: 49, rolloutIndex: 1 });
    expect(disagreementsLeftOut(results[0]!)).toMatch(/^142 more disagreeing rollouts/);
    expect(results[0]).toMatchObject({ judged: 242, yes: 242, agreements: 0, agreement: 0, yesRate: 1 });
  });

  it("is null for a run without a judge", () => {
    const accumulator = new JudgeStatsAccumulator({ env_id: "sv-env-network-logs" });
    const { judge: _judge, programmaticReward: _reward, ...plain } = disagreeing(0, 0);
    accumulator.add(plain);
    expect(accumulator.result()).toBeNull();
    expect(new JudgeStatsAccumulator({ rubric: { mode: "executable" } }).result()).toBeNull();
  });
});
