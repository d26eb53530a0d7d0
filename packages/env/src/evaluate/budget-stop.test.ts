import { syntheticRows } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import { loadEnvironment } from "../load-environment.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { createScriptedModel } from "../test/scripted-model.js";
import type { RolloutResult } from "./rollout-result.js";

describe("evaluate() and a spending limit", () => {
  it("stops with max_cost: drops the refused rollout, starts no new one, lets those in flight finish", async () => {
    const env = await loadEnvironment({ rows: syntheticRows() });
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const model = createScriptedModel({
      replies: async (_request, call) => {
        if (call === 0) {
          await slow; // in flight when the limit is hit
          return JSON.stringify({ label: "Benign", confidence: 0.6 });
        }
        if (call === 1) return JSON.stringify({ label: "Malicious", confidence: 0.9 });
        release();
        return new ModelCallError({ kind: MODEL_ERROR_KINDS.budgetExceeded, message: "would pass $0.01" });
      },
    });
    const run = env.evaluate({ model, maxConcurrent: 3 });
    const results: RolloutResult[] = [];
    for await (const result of run) results.push(result);
    const summary = await run.summary();
    expect(summary.stopReason).toEqual({ type: "max_cost", message: "would pass $0.01" });
    expect(results.map((result) => result.error)).toEqual([null, null]);
    expect(results.map((result) => result.example_id).sort()).toEqual([0, 1]);
    expect(model.calls.length).toBe(3);
    expect(summary.done).toBe(2);
  });
});
