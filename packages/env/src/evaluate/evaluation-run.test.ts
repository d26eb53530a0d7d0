import { syntheticRows } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import { loadEnvironment } from "../load-environment.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { createScriptedModel } from "../test/scripted-model.js";
import type { RolloutResult } from "./rollout-result.js";

const reply = (label: string, confidence = 0.8) => JSON.stringify({ label, confidence });
const instantSleep = async () => {};

async function collect(iterable: AsyncIterable<RolloutResult>): Promise<RolloutResult[]> {
  const results: RolloutResult[] = [];
  for await (const result of iterable) results.push(result);
  return results;
}

describe("environment.evaluate", () => {
  it("yields every rollout exactly once, with example_id and rollout_index, scored like score()", async () => {
    const env = await loadEnvironment({ rows: syntheticRows() });
    const model = createScriptedModel({
      replies: (_request, call) => reply(call % 2 ? "Benign" : "Malicious"),
      delayMs: 1,
    });
    const run = env.evaluate({ model, rolloutsPerExample: 3, maxConcurrent: 4 });
    const results = await collect(run);
    expect(results).toHaveLength(syntheticRows().length * 3);
    const keys = new Set(results.map((result) => `${result.example_id}:${result.rollout_index}`));
    expect(keys.size).toBe(results.length);
    for (const result of results) {
      const example = env.dataset.rows[result.example_id]!;
      expect(result.prompt).toEqual(env.formatPrompt(example));
      expect(result.info).toEqual(example.meta);
      expect(result.reward).toBe(env.score(result.completion, example).reward);
      expect(result.attempts).toBe(1);
      expect(result.error).toBeNull();
    }
    const summary = await run.summary();
    expect(summary).toMatchObject({
      total: results.length,
      done: results.length,
      errors: 0,
      stopReason: null,
    });
    const mean = results.reduce((sum, result) => sum + result.reward, 0) / results.length;
    expect(summary.rewards.reward).toBeCloseTo(mean, 12);
  });

  it("keeps at most maxConcurrent requests in flight and yields in completion order", async () => {
    const env = await loadEnvironment({ rows: syntheticRows() });
    let inFlight = 0;
    let peak = 0;
    let finished = 0;
    let releaseFirst: () => void = () => {};
    const firstReleased = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const others = env.dataset.rows.length - 1;
    const model = createScriptedModel({
      replies: async (_request, call) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        // The first request finishes only after every other one, whatever the machine's load.
        if (call === 0) await firstReleased;
        else await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
        if (call !== 0 && ++finished === others) releaseFirst();
        return reply("Benign");
      },
    });
    const results = await collect(env.evaluate({ model, maxConcurrent: 3 }));
    expect(peak).toBe(3);
    expect(results.at(-1)?.example_id).toBe(0);
  });

  it("retries retryable failures, counts attempts, and records a rollout that still fails", async () => {
    const env = await loadEnvironment({ rows: syntheticRows().slice(0, 2) });
    const model = createScriptedModel({
      replies: (request) => {
        const question = String(request.messages[1]?.content);
        if (question === env.dataset.rows[0]!.question) {
          return new ModelCallError({ kind: MODEL_ERROR_KINDS.server, message: "boom", status: 500 });
        }
        return reply("Benign");
      },
    });
    const delays: number[] = [];
    const run = env.evaluate({
      model,
      maxRetries: 2,
      sleep: async (ms) => {
        delays.push(ms);
      },
      random: () => 0.5,
      backoff: { baseDelayMs: 10 },
    });
    const results = await collect(run);
    const failed = results.find((result) => result.example_id === 0)!;
    expect(failed.error).toEqual({ type: "server_error", message: "boom" });
    expect(failed.attempts).toBe(3);
    expect(failed.completion).toBe("");
    expect(delays).toEqual([7.5, 15]);
    expect((await run.summary()).retries).toBe(2);
    expect((await run.summary()).errors).toBe(1);
  });

  it("does not retry a client error", async () => {
    const env = await loadEnvironment({ rows: syntheticRows().slice(0, 1) });
    const model = createScriptedModel({ replies: [new Error("bad request")] });
    const [result] = await collect(env.evaluate({ model, sleep: instantSleep }));
    expect(result).toMatchObject({ attempts: 1, error: { type: "client_error", message: "bad request" } });
  });

  it("stops early after maxConsecutiveErrors and says why", async () => {
    const env = await loadEnvironment({ rows: syntheticRows() });
    const model = createScriptedModel({
      replies: [new ModelCallError({ kind: MODEL_ERROR_KINDS.client, message: "401 invalid key" })],
    });
    const run = env.evaluate({ model, maxConcurrent: 1, maxConsecutiveErrors: 3, sleep: instantSleep });
    const results = await collect(run);
    expect(results).toHaveLength(3);
    const summary = await run.summary();
    expect(summary.stopReason?.type).toBe("max_consecutive_errors");
    expect(summary.stopReason?.message).toMatch(/3 rollouts in a row failed.*401 invalid key/);
  });

  it("stops cleanly on abort: nothing new starts, in-flight rollouts are not yielded", async () => {
    const env = await loadEnvironment({ rows: syntheticRows() });
    const controller = new AbortController();
    const model = createScriptedModel({ replies: [reply("Benign")], delayMs: 20 });
    const run = env.evaluate({ model, maxConcurrent: 2, signal: controller.signal });
    const results: RolloutResult[] = [];
    for await (const result of run) {
      results.push(result);
      if (results.length === 2) controller.abort();
    }
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results.length).toBeLessThan(syntheticRows().length);
    expect(model.calls.length).toBeLessThanOrEqual(results.length + 2);
    expect((await run.summary()).stopReason?.type).toBe("aborted");
  });

  it("times out a hanging model and skips rollouts already done", async () => {
    const env = await loadEnvironment({ rows: syntheticRows().slice(0, 3) });
    const model = createScriptedModel({
      replies: (_request, call) => (call === 0 ? new Promise(() => {}) : reply("Benign")),
    });
    const run = env.evaluate({
      model,
      timeoutMs: 30,
      maxRetries: 1,
      sleep: instantSleep,
      skip: (exampleId) => exampleId === 2,
    });
    const results = await collect(run);
    expect(results.map((result) => result.example_id).sort()).toEqual([0, 1]);
    const first = results.find((result) => result.example_id === 0)!;
    expect(first).toMatchObject({ attempts: 2, error: null });
    expect((await run.summary()).total).toBe(2);
  });

  it("summary() drains a run nobody iterated", async () => {
    const env = await loadEnvironment({ rows: syntheticRows() });
    const run = env.evaluate({ model: createScriptedModel({ replies: [reply("Malicious", 1)] }) });
    const summary = await run.summary();
    expect(summary.done).toBe(syntheticRows().length);
    expect(summary.metrics.confusion_matrix.tp + summary.metrics.confusion_matrix.fp).toBe(summary.done);
  });
});
