import { syntheticRows } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import { loadEnvironment } from "../load-environment.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { createScriptedModel } from "../test/scripted-model.js";
import { responseCacheKey } from "./response-cache-key.js";
import { createMemoryResponseCache } from "./response-cache-store.js";
import { withResponseCache } from "./with-response-cache.js";

const messages = [
  { role: "system" as const, content: "s" },
  { role: "user" as const, content: "Log Entry: a=1" },
];
const base = { endpoint: "https://api.example/v1", modelId: "m", messages };

describe("responseCacheKey", () => {
  it("changes with every input that changes the answer, and not with key order", () => {
    const key = responseCacheKey({ ...base, samplingArgs: { temperature: 0, max_tokens: 10 } });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(responseCacheKey({ ...base, samplingArgs: { max_tokens: 10, temperature: 0 } })).toBe(key);
    const variants = [
      { ...base, endpoint: "http://localhost:11434/v1" },
      { ...base, modelId: "m2" },
      { ...base, messages: [messages[0]!, { role: "user" as const, content: "Log Entry: a=2" }] },
      { ...base, samplingArgs: { temperature: 0.5, max_tokens: 10 } },
      { ...base, samplingArgs: { temperature: 0, max_tokens: 11 } },
      { ...base, samplingArgs: { temperature: 0, max_tokens: 10, seed: 1 } },
      { ...base, samplingArgs: { temperature: 0, max_tokens: 10 }, rolloutIndex: 1 },
      { ...base, samplingArgs: { temperature: 0, max_tokens: 10, top_p: 0.9 } },
      { ...base, samplingArgs: { temperature: 0, max_tokens: 10, stop: ["}"] } },
      { ...base, samplingArgs: { temperature: 0, max_completion_tokens: 10 } },
      {
        ...base,
        samplingArgs: { temperature: 0, max_tokens: 10 },
        messages: [{ role: "system" as const, content: "another system prompt" }, messages[1]!],
      },
    ];
    for (const variant of variants) expect(responseCacheKey(variant)).not.toBe(key);
    // What does not change the request gives the same key: no tools or none, rollout 0 or unset.
    const plain = responseCacheKey(base);
    expect(responseCacheKey({ ...base, tools: [] })).toBe(plain);
    expect(responseCacheKey({ ...base, rolloutIndex: 0 })).toBe(plain);
    expect(responseCacheKey({ ...base, samplingArgs: {} })).toBe(plain);
    expect(responseCacheKey({ ...base, samplingArgs: { temperature: undefined } })).toBe(plain);
  });

  it("tells multi-turn requests apart: the tools offered, tool calls and tool answers are part of the key", () => {
    const tool = { name: "recent_flows", description: "d", parameters: { type: "object" } };
    const plain = responseCacheKey(base);
    expect(responseCacheKey({ ...base, tools: [tool] })).not.toBe(plain);
    expect(responseCacheKey({ ...base, tools: [{ ...tool, name: "other" }] })).not.toBe(
      responseCacheKey({ ...base, tools: [tool] }),
    );
    const turn = (name: string, id: string) => [
      ...messages,
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id, type: "function", function: { name, arguments: "{}" } }],
      },
      { role: "tool", tool_call_id: id, content: "no flows" },
    ];
    const afterA = responseCacheKey({ ...base, tools: [tool], messages: turn("a", "1") });
    expect(responseCacheKey({ ...base, tools: [tool], messages: turn("b", "1") })).not.toBe(afterA);
    expect(responseCacheKey({ ...base, tools: [tool], messages: turn("a", "2") })).not.toBe(afterA);
  });
});

describe("withResponseCache", () => {
  it("answers a repeated request from the store, marked cached, without calling the model", async () => {
    const inner = createScriptedModel({
      replies: [{ text: "a", usage: { inputTokens: 5, outputTokens: 2 } }],
    });
    const store = createMemoryResponseCache();
    const model = withResponseCache({ model: inner, store, endpoint: "e" });
    const first = await model.doGenerate({ messages });
    const second = await model.doGenerate({ messages });
    expect(first.cached).toBeUndefined();
    expect(second).toEqual({ text: "a", usage: { inputTokens: 5, outputTokens: 2 }, cached: true });
    expect(inner.calls).toHaveLength(1);
    await model.doGenerate({ messages, rolloutIndex: 1 });
    expect(inner.calls).toHaveLength(2);
  });

  it("keeps a reply's tool calls, and never answers a request with tools from a plain one", async () => {
    const toolCalls = [{ id: "c1", name: "recent_flows", arguments: '{"limit":3}' }];
    const inner = createScriptedModel({ replies: ["plain", { text: "", toolCalls }] });
    const model = withResponseCache({ model: inner, store: createMemoryResponseCache(), endpoint: "e" });
    const tools = [{ name: "recent_flows", description: "d", parameters: { type: "object" } }];
    expect((await model.doGenerate({ messages })).text).toBe("plain");
    const withTools = await model.doGenerate({ messages, tools });
    expect(withTools.toolCalls).toEqual(toolCalls);
    expect(withTools.cached).toBeUndefined();
    expect(await model.doGenerate({ messages, tools })).toMatchObject({ toolCalls, cached: true });
    expect(inner.calls).toHaveLength(2);
  });

  it("returns the reply when the store cannot keep it, and reports the store's error", async () => {
    const errors: unknown[] = [];
    const model = withResponseCache({
      model: createScriptedModel({ replies: ["kept"] }),
      store: {
        get: () => undefined,
        set: () => {
          throw new Error("database or disk is full");
        },
      },
      endpoint: "e",
      onStoreError: (error) => errors.push(error),
    });
    expect((await model.doGenerate({ messages })).text).toBe("kept");
    expect(String(errors[0])).toMatch(/disk is full/);
  });

  it("never caches a failed request", async () => {
    const failure = new ModelCallError({ kind: MODEL_ERROR_KINDS.server, message: "500", status: 500 });
    const inner = createScriptedModel({ replies: [failure, "ok"] });
    const store = createMemoryResponseCache();
    const model = withResponseCache({ model: inner, store, endpoint: "e" });
    await expect(model.doGenerate({ messages })).rejects.toBe(failure);
    expect(store.size).toBe(0);
    expect((await model.doGenerate({ messages })).text).toBe("ok");
    expect(store.size).toBe(1);
  });

  it("keeps a refusal: it is the model's answer to the request (scored as no answer), not a failure", async () => {
    const inner = createScriptedModel({ replies: [{ text: "", refusal: "I can't help with that." }] });
    const store = createMemoryResponseCache();
    const model = withResponseCache({ model: inner, store, endpoint: "e" });
    await model.doGenerate({ messages });
    expect(await model.doGenerate({ messages })).toEqual({
      text: "",
      refusal: "I can't help with that.",
      cached: true,
    });
    expect(inner.calls).toHaveLength(1);
  });

  it("gives evaluate() identical rollouts from the cache, each marked cached", async () => {
    const env = await loadEnvironment({ rows: syntheticRows() });
    const store = createMemoryResponseCache();
    const replies = (_request: unknown, call: number) =>
      JSON.stringify({ label: call % 3 ? "Benign" : "Malicious", confidence: 0.7 });
    const live = createScriptedModel({ replies });
    const first: RolloutResult[] = [];
    for await (const result of env.evaluate({
      model: withResponseCache({ model: live, store, endpoint: "e" }),
      rolloutsPerExample: 2,
      maxConcurrent: 1,
    }))
      first.push(result);
    const down = createScriptedModel({
      replies: [new ModelCallError({ kind: MODEL_ERROR_KINDS.connection, message: "refused" })],
    });
    const second: RolloutResult[] = [];
    for await (const result of env.evaluate({
      model: withResponseCache({ model: down, store, endpoint: "e" }),
      rolloutsPerExample: 2,
      maxConcurrent: 3,
    }))
      second.push(result);
    expect(down.calls).toHaveLength(0);
    const byKey = (results: typeof first) =>
      new Map(results.map((result) => [`${result.example_id}/${result.rollout_index}`, result]));
    const before = byKey(first);
    for (const result of second) {
      const original = before.get(`${result.example_id}/${result.rollout_index}`)!;
      expect(result.cached).toBe(true);
      expect(original.cached).toBeUndefined();
      expect([result.completion, result.reward, result.metrics]).toEqual([
        original.completion,
        original.reward,
        original.metrics,
      ]);
    }
    expect(second).toHaveLength(first.length);
  });
});
