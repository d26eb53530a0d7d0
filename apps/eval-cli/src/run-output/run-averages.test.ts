import type { RolloutResult } from "@sv/env";
import { describe, expect, it } from "vitest";
import { toResultRow } from "./result-row.js";
import { RunAveragesAccumulator } from "./run-averages.js";

function rollout(reward: number, error: boolean, tokens = 100): RolloutResult {
  return {
    example_id: 0,
    rollout_index: 0,
    prompt: [],
    completion: "",
    answer: "Benign",
    reward,
    metrics: { accuracy: reward, format: 1, calibration: 0, asymmetric_cost: -1 },
    parsed: { label: null, confidence: 0 },
    info: {},
    token_usage: { input_tokens: tokens, output_tokens: tokens / 10 },
    timing: { generation_ms: 0, scoring_ms: 0, total_ms: 0 },
    attempts: 1,
    error: error ? { type: "timeout", message: "no reply" } : null,
  };
}

describe("RunAveragesAccumulator", () => {
  it("averages over every rollout with failed ones as 0, and tokens per rollout that got a reply", () => {
    const averages = new RunAveragesAccumulator();
    for (const result of [
      rollout(1, false, 100),
      rollout(0.5, false, 300),
      rollout(-2, true),
      rollout(-2, true),
    ]) {
      averages.add(toResultRow(result));
    }
    expect(averages.result()).toEqual({
      avg_reward: 1.5 / 4,
      avg_metrics: {
        reward_accuracy: 1.5 / 4,
        format_reward: 0.5,
        reward_calibration: 0,
        reward_asymmetric_cost: -0.5,
      },
      avg_error: 0.5,
      usage: { input_tokens: 200, output_tokens: 20 },
      usage_total: { input_tokens: 400, output_tokens: 40 },
    });
  });

  it("gives the same figures, to the last bit, whatever the order of the rows (a resumed run)", () => {
    const rows = Array.from({ length: 40 }, (_, index) =>
      toResultRow({
        ...rollout(((index * 0.37) % 1.9) - 0.3, index % 11 === 0, 97 + index),
        example_id: index >> 1,
        rollout_index: index & 1,
      }),
    );
    const inOrder = new RunAveragesAccumulator();
    const reversed = new RunAveragesAccumulator();
    for (const row of rows) inOrder.add(row);
    for (const row of [...rows].reverse()) reversed.add(row);
    expect(JSON.stringify(reversed.result())).toBe(JSON.stringify(inOrder.result()));
  });

  it("says undefined with no rollouts, and has no usage when every rollout failed", () => {
    expect(new RunAveragesAccumulator().result()).toEqual({
      avg_reward: null,
      avg_metrics: {},
      avg_error: null,
      usage: null,
      usage_total: { input_tokens: 0, output_tokens: 0 },
    });
    const failedOnly = new RunAveragesAccumulator();
    failedOnly.add(toResultRow(rollout(1, true)));
    expect(failedOnly.result()).toMatchObject({ avg_reward: 0, avg_error: 1, usage: null });
  });
});
