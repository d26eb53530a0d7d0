import type { RolloutResult } from "@sv/env";
import { describe, expect, it } from "vitest";
import { readResultRow } from "./read-result-row.js";
import { toResultRow } from "./result-row.js";

const multiTurn: RolloutResult = {
  example_id: 1,
  rollout_index: 0,
  prompt: [{ role: "user", content: "Log Entry: proto=tcp" }],
  completion: [
    {
      role: "assistant",
      content: null,
      tool_calls: [
        { id: "c", type: "function", function: { name: "recent_flows_of_host", arguments: "{}" } },
      ],
    },
    { role: "tool", tool_call_id: "c", content: "error: invalid arguments: host: required" },
    { role: "assistant", content: '{"label": "Benign", "confidence": 0.6}' },
  ],
  answer: "Benign",
  reward: 1.5,
  metrics: { accuracy: 1, format: 1, calibration: 0.6, asymmetric_cost: 1 },
  parsed: { label: "Benign", confidence: 0.6 },
  info: {},
  token_usage: { input_tokens: 10, output_tokens: 5 },
  timing: { generation_ms: 1, scoring_ms: 1, total_ms: 2 },
  attempts: 2,
  error: null,
  tools: {
    calls: [{ id: "c", name: "recent_flows_of_host", arguments: "{}", turn: 1 }],
    results: [
      {
        id: "c",
        name: "recent_flows_of_host",
        ok: false,
        content: "error: invalid arguments: host: required",
      },
    ],
    turns: 2,
    maxTurns: 5,
    outcome: "answered",
    errors: 1,
    cost: -0.1,
  },
};

describe("multi-turn results rows", () => {
  it("keep the message list and the tool record through a write and a resume read", () => {
    const row = JSON.parse(JSON.stringify(toResultRow(multiTurn)));
    expect(row.completion).toEqual(multiTurn.completion);
    expect(row.tools).toEqual(multiTurn.tools);
    const read = readResultRow(row)!;
    expect(read.completion).toEqual(multiTurn.completion);
    expect(read.tools).toEqual(multiTurn.tools);
  });

  it("add no tools key to single-turn rows", () => {
    const { tools: _tools, ...single } = multiTurn;
    expect("tools" in toResultRow({ ...single, completion: "x" })).toBe(false);
  });
});
