import type { RolloutResult } from "@sv/env";
import { describe, expect, it } from "vitest";
import { readResultRow } from "./read-result-row.js";
import { toResultRow } from "./result-row.js";

const ok: RolloutResult = {
  example_id: 4,
  rollout_index: 2,
  prompt: [
    { role: "system", content: "s" },
    { role: "user", content: "Log Entry: proto=tcp" },
  ],
  completion: '{"label": "Malicious", "confidence": 0.8}',
  answer: "Malicious",
  reward: 1.76,
  metrics: { accuracy: 1, format: 1, calibration: 0.8, asymmetric_cost: 1 },
  parsed: { label: "Malicious", confidence: 0.8 },
  info: { source: "iot23", hash: "0123456789abcdef" },
  token_usage: { input_tokens: 120, output_tokens: 20 },
  timing: { generation_ms: 10, scoring_ms: 1, total_ms: 11 },
  attempts: 3,
  error: null,
};
const failed: RolloutResult = {
  ...ok,
  completion: "",
  reward: -0.5,
  metrics: { accuracy: 0, format: 0, calibration: 0, asymmetric_cost: -1 },
  parsed: { label: null, confidence: 0 },
  token_usage: { input_tokens: 0, output_tokens: 0 },
  error: { type: "rate_limit", message: "429 slow down" },
};

// What vf-tui takes for metrics: every top-level number it does not know (verifiers 0.1.14 tui.py).
const numericTopLevel = (row: object) =>
  Object.entries(row)
    .filter(([, value]) => typeof value === "number")
    .map(([key]) => key)
    .sort();

describe("toResultRow", () => {
  it("writes the original's metric names in `metrics` and as columns, and no other number at the top", () => {
    const row = toResultRow(ok);
    const columns = {
      reward_accuracy: 1,
      format_reward: 1,
      reward_calibration: 0.8,
      reward_asymmetric_cost: 1,
    };
    expect(row.metrics).toEqual(columns);
    expect(row).toMatchObject(columns);
    expect(numericTopLevel(row)).toEqual([
      "example_id",
      "format_reward",
      "reward",
      "reward_accuracy",
      "reward_asymmetric_cost",
      "reward_calibration",
    ]);
    expect(row).toMatchObject({ rollout: { index: 2, attempts: 3 }, is_completed: true, error: null });
    expect(row).not.toHaveProperty("rollout_index");
    expect(row).not.toHaveProperty("attempts");
  });

  it("writes a failed rollout as vf-eval does: four-field error, reward and metrics 0, no token usage", () => {
    const row = toResultRow(failed);
    expect(row.error).toEqual({
      error: "rate_limit",
      message: "429 slow down",
      error_chain_repr: 'rate_limit("429 slow down")',
      error_chain_str: "rate_limit",
    });
    expect(Object.keys(row.error!).sort()).toEqual([
      "error",
      "error_chain_repr",
      "error_chain_str",
      "message",
    ]);
    expect(row).toMatchObject({ reward: 0, reward_asymmetric_cost: 0, is_completed: false });
    expect(Object.values(row.metrics)).toEqual([0, 0, 0, 0]);
    expect(row).not.toHaveProperty("token_usage");
    expect(row).toMatchObject({ error_chain: row.error!.error_chain_repr, long_error_chain: "rate_limit" });
  });

  it("reads back to the same rollout (what --resume keeps)", () => {
    expect(readResultRow(JSON.parse(JSON.stringify(toResultRow(ok))))).toEqual(ok);
    expect(readResultRow(JSON.parse(JSON.stringify(toResultRow(failed))))?.error).toEqual(failed.error);
    // rows written before the vf-eval layout
    expect(readResultRow(JSON.parse(JSON.stringify(ok)))).toEqual(ok);
    expect(readResultRow({ ...toResultRow(ok), metrics: {} })).toBeUndefined();
  });
});
