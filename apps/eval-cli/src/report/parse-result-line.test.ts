import { describe, expect, it } from "vitest";
import { parseResultLine } from "./parse-result-line.js";

const reply = JSON.stringify({ label: "Malicious", confidence: 0.9 });
const parseRow = (row: Record<string, unknown>, nextRolloutIndex?: () => number) =>
  parseResultLine({
    text: JSON.stringify({ answer: "Malicious", ...row }),
    fileName: "r",
    lineNumber: 7,
    nextRolloutIndex,
  });

describe("parseResultLine", () => {
  it("reads errors in every shape they were written, and counts empty ones as none", () => {
    expect(parseRow({ error: "ModelError('Error code: 429')" }).error).toEqual({
      type: "ModelError",
      message: "Error code: 429",
    });
    expect(parseRow({ error: "connection reset" }).error).toEqual({
      type: "Error",
      message: "connection reset",
    });
    expect(
      parseRow({
        error: { error: "ModelError", error_chain_repr: "ModelError('x')", error_chain_str: "ModelError" },
      }).error,
    ).toEqual({ type: "ModelError", message: "ModelError('x')" });
    expect(
      parseRow({
        error: {
          error: "timeout",
          message: "no reply",
          error_chain_repr: "timeout('no reply')",
          error_chain_str: "timeout",
        },
      }).error,
    ).toEqual({ type: "timeout", message: "no reply" });
    expect(parseRow({ error: { type: "rate_limit", message: "429" } }).error).toEqual({
      type: "rate_limit",
      message: "429",
    });
    expect(parseRow({ completion_error: "boom", completion: "" }).error).toEqual({
      type: "Error",
      message: "boom",
    });
    expect(parseRow({ error: "" }).error).toBeNull();
    expect(parseRow({ error: null }).error).toBeNull();
  });

  it("takes the rewards from `metrics`, top-level columns or `rewards`, under either set of names", () => {
    const columns = {
      reward_accuracy: 1,
      format_reward: 0,
      reward_calibration: 0.25,
      reward_asymmetric_cost: 0.5,
    };
    const expected = { accuracy: 1, format: 0, calibration: 0.25, asymmetric_cost: 0.5 };
    expect(parseRow({ completion: reply, metrics: columns, reward: 9 })).toMatchObject({
      metrics: expected,
      reward: 9,
    });
    expect(parseRow({ completion: reply, ...columns, reward: 9 }).metrics).toEqual(expected);
    expect(parseRow({ completion: reply, metrics: expected, reward: 9 }).metrics).toEqual(expected);
    // no total: the weighted sum 1.0*1 + 0.1*0 + 0.2*0.25 + 0.5*0.5
    expect(parseRow({ completion: reply, rewards: columns }).reward).toBeCloseTo(1.3, 12);
    // nothing stored: re-scored
    expect(parseRow({ completion: reply }).metrics).toEqual({
      accuracy: 1,
      format: 1,
      calibration: 0.9,
      asymmetric_cost: 1,
    });
  });

  it("reads completions as strings, message lists or text parts, and numbers rows without a rollout", () => {
    expect(parseRow({ completion: reply }).parsed.label).toBe("Malicious");
    expect(
      parseRow({
        completion: [
          { role: "assistant", content: reply },
          { role: "tool", content: "x" },
        ],
      }).completion,
    ).toBe(reply);
    expect(
      parseRow({ completion: [{ role: "assistant", content: [{ type: "text", text: reply }] }] }).completion,
    ).toBe(reply);
    expect(parseRow({ completion: null }).completion).toBe("");
    expect(parseRow({ example_id: 3, rollout: { index: 2, attempts: 4 } })).toMatchObject({
      example_id: 3,
      rollout_index: 2,
      attempts: 4,
    });
    expect(parseRow({ example_id: 3, rollout_index: 1 }).rollout_index).toBe(1);
    expect(parseRow({ example_id: 3 }, () => 5).rollout_index).toBe(5);
    expect(parseRow({ index: 11 }).example_id).toBe(11);
  });

  it("reads vf-eval 0.1.14 timing (seconds in phases) and 0.1.9 top-level milliseconds", () => {
    expect(
      parseRow({ timing: { generation: { duration: 0.5 }, scoring: { duration: 0.002 }, total: 0.502 } })
        .timing,
    ).toEqual({ generation_ms: 500, scoring_ms: 2, total_ms: 502 });
    expect(parseRow({ generation_ms: 10, scoring_ms: 1, total_ms: 11 }).timing).toEqual({
      generation_ms: 10,
      scoring_ms: 1,
      total_ms: 11,
    });
  });
});
