import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createFlowIndexWriter } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import { loadEnvironment } from "../load-environment.js";
import { createScriptedModel, toolCallReply } from "../test/scripted-model.js";
import { HOST, writeFlowIndexFixture } from "../test-utils/flow-index-fixture.js";
import { withResponseCache } from "../cache/with-response-cache.js";
import { createMemoryResponseCache } from "../cache/response-cache-store.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { FLOW_TOOLS } from "./flow-tools.js";

const answer = JSON.stringify({ label: "Malicious", confidence: 0.9 });

async function runOne(
  replies: Parameters<typeof createScriptedModel>[0]["replies"],
  options: { maxTurns?: number; costs?: Record<string, number>; meta?: Record<string, number> } = {},
) {
  const { meta, ...envOptions } = options;
  const { datasetPath } = writeFlowIndexFixture(meta ? { meta } : {});
  const env = await loadEnvironment({
    datasetName: datasetPath,
    envMode: "multi-turn",
    split: "all",
    ...envOptions,
  });
  const model = createScriptedModel({ replies });
  const results: RolloutResult[] = [];
  for await (const result of env.evaluate({ model })) results.push(result);
  env.close();
  return { env, model, result: results[0]! };
}

describe("multi-turn environment", () => {
  it("answers a host lookup from the same capture, strictly earlier, newest first, then scores the answer", async () => {
    const { model, result, env } = await runOne([
      toolCallReply("recent_flows_of_host", { host: HOST }),
      answer,
    ]);
    expect(env.mode).toBe("multi-turn");
    expect(model.calls[0]!.messages[0]!.content).toMatch(/recent_flows_of_host .*\n.*flows_to_responder/s);
    expect(model.calls).toHaveLength(2);
    expect(model.calls[0]!.tools).toEqual(FLOW_TOOLS);
    const toolMessage = model.calls[1]!.messages.at(-1)!;
    expect(toolMessage).toMatchObject({ role: "tool", tool_call_id: "call_0" });
    const content = String(toolMessage.content);
    // Lines 2 and 1 of CTU-1, newest first; never line 4 (itself), line 5 (later), nor CTU-2.
    expect(
      content
        .split("\n")
        .slice(1)
        .map((line) => line.slice(0, 16)),
    ).toEqual(["ts=200.000000, i", "ts=100.000000, i"]);
    expect(content).not.toMatch(/ts=(400|500|150)\./);
    expect(result.completion).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "call_0",
            type: "function",
            function: { name: "recent_flows_of_host", arguments: JSON.stringify({ host: HOST }) },
          },
        ],
      },
      { role: "tool", tool_call_id: "call_0", content },
      { role: "assistant", content: answer },
    ]);
    expect(result.parsed).toEqual({ label: "Malicious", confidence: 0.9 });
    expect(result.reward).toBe(env.score(answer, { answer: "Malicious" }).reward);
    expect(result.tools).toMatchObject({ turns: 2, maxTurns: 5, outcome: "answered", errors: 0, cost: 0 });
    expect(result.tools!.calls).toEqual([
      { id: "call_0", name: "recent_flows_of_host", arguments: JSON.stringify({ host: HOST }), turn: 1 },
    ]);
    expect(result.tools!.results).toEqual([
      { id: "call_0", name: "recent_flows_of_host", ok: true, content },
    ]);
  });

  it("never answers from before the row's meta.look_back_from (the previous split's time block)", async () => {
    const { model } = await runOne(
      [
        toolCallReply("recent_flows_of_host", { host: HOST }),
        toolCallReply("flows_to_responder", { port: 23 }),
        answer,
      ],
      { meta: { look_back_from: 150 } },
    );
    const host = String(model.calls[1]!.messages.at(-1)!.content);
    expect(host).toMatch(/ts=200\./);
    expect(host).not.toMatch(/ts=100\./);
    const port = String(model.calls[2]!.messages.at(-1)!.content);
    expect(port).toMatch(/ts=300\./);
    expect(port).not.toMatch(/ts=100\./);
  });

  it("charges costs.toolCall per call", async () => {
    const script = [
      toolCallReply("flows_to_responder", { port: 23 }),
      toolCallReply("flows_to_responder", { address: "1.2.3.4", limit: 1 }, "call_1"),
      answer,
    ];
    const free = await runOne(script);
    const charged = await runOne(script, { costs: { toolCall: -0.1 } });
    expect(charged.result.tools!.cost).toBeCloseTo(-0.2);
    expect(charged.result.reward).toBeCloseTo(free.result.reward - 0.2);
    expect(free.result.tools!.results[1]!.content.split("\n")).toHaveLength(2);
  });

  it("replays a conversation from the response cache, each rollout marked cached, with the same results", async () => {
    const { datasetPath } = writeFlowIndexFixture();
    const store = createMemoryResponseCache();
    const run = async (replies: Parameters<typeof createScriptedModel>[0]["replies"]) => {
      const env = await loadEnvironment({ datasetName: datasetPath, envMode: "multi-turn", split: "all" });
      const inner = createScriptedModel({ replies });
      const model = withResponseCache({ model: inner, store, endpoint: "e" });
      const results: RolloutResult[] = [];
      for await (const result of env.evaluate({ model, maxConcurrent: 1 })) results.push(result);
      env.close();
      return { inner, results };
    };
    const live = await run((request) =>
      request.messages.some((message) => message.role === "tool")
        ? answer
        : toolCallReply("recent_flows_of_host", { host: HOST }),
    );
    expect(live.results.every((result) => result.cached === undefined)).toBe(true);
    const down = new ModelCallError({ kind: MODEL_ERROR_KINDS.server, message: "down" });
    const replayed = await run([down]);
    expect(replayed.inner.calls).toHaveLength(0);
    expect(replayed.results.length).toBe(live.results.length);
    expect(replayed.results.every((result) => result.cached === true)).toBe(true);
    const strip = ({ cached: _cached, timing: _timing, tools, ...rest }: RolloutResult) => {
      const { cachedTurns: _turns, cachedTokens: _tokens, ...record } = tools!;
      return { ...rest, tools: record };
    };
    expect(replayed.results.every((result) => result.tools!.cachedTurns === result.tools!.turns)).toBe(true);
    expect(replayed.results.map(strip)).toEqual(live.results.map(strip));
  });

  it("a partly cached conversation is not marked cached; it counts its cached turns and their tokens", async () => {
    const { datasetPath } = writeFlowIndexFixture();
    const store = createMemoryResponseCache();
    const lookup = {
      ...toolCallReply("recent_flows_of_host", { host: HOST }),
      usage: { inputTokens: 50, outputTokens: 5 },
    };
    const final = { text: answer, usage: { inputTokens: 80, outputTokens: 9 } };
    const run = async (second: "fail" | "answer") => {
      const env = await loadEnvironment({ datasetName: datasetPath, envMode: "multi-turn", split: "all" });
      const inner = createScriptedModel({
        replies: (request) =>
          !request.messages.some((message) => message.role === "tool")
            ? lookup
            : second === "fail"
              ? new ModelCallError({ kind: MODEL_ERROR_KINDS.client, message: "bad request" })
              : final,
      });
      const model = withResponseCache({ model: inner, store, endpoint: "e" });
      const results: RolloutResult[] = [];
      for await (const result of env.evaluate({
        model,
        maxConcurrent: 1,
        maxRetries: 0,
        maxConsecutiveErrors: 0,
      }))
        results.push(result);
      env.close();
      return { inner, results };
    };
    const first = await run("fail");
    expect(
      first.results.every((result) => result.error !== null && result.tools?.cachedTurns === undefined),
    ).toBe(true);
    const second = await run("answer");
    // Turn 1 of every rollout comes from the cache, turn 2 is asked.
    expect(second.inner.calls.every((call) => call.messages.some((message) => message.role === "tool"))).toBe(
      true,
    );
    for (const result of second.results) {
      expect(result.error).toBeNull();
      expect(result.cached).toBeUndefined();
      expect(result.token_usage).toEqual({ input_tokens: 130, output_tokens: 14 });
      expect(result.tools).toMatchObject({
        turns: 2,
        cachedTurns: 1,
        cachedTokens: { input_tokens: 50, output_tokens: 5 },
      });
    }
    const third = await run("fail");
    expect(third.inner.calls).toHaveLength(0);
    expect(third.results.every((result) => result.cached === true && result.tools?.cachedTurns === 2)).toBe(
      true,
    );
  });

  it("stops with max_cost when the spending limit refuses a turn, keeping no half conversation", async () => {
    const { datasetPath } = writeFlowIndexFixture();
    const env = await loadEnvironment({ datasetName: datasetPath, envMode: "multi-turn", split: "all" });
    const budget = new ModelCallError({ kind: MODEL_ERROR_KINDS.budgetExceeded, message: "over $1" });
    const model = createScriptedModel({
      replies: [toolCallReply("recent_flows_of_host", { host: HOST }), budget],
    });
    const run = env.evaluate({ model, maxConcurrent: 1 });
    const results: RolloutResult[] = [];
    for await (const result of run) results.push(result);
    env.close();
    expect(results).toEqual([]);
    expect((await run.summary()).stopReason).toMatchObject({ type: "max_cost", message: "over $1" });
  });

  it("records an exhausted turn budget as no answer", async () => {
    const { model, result } = await runOne([toolCallReply("recent_flows_of_host", { host: HOST })], {
      maxTurns: 3,
    });
    expect(model.calls).toHaveLength(3);
    expect(result.tools).toMatchObject({ turns: 3, maxTurns: 3, outcome: "turn_budget_exhausted" });
    expect(result.tools!.calls).toHaveLength(3);
    expect(result.parsed.label).toBeNull();
    expect(result.metrics.format).toBe(0);
    expect(result.error).toBeNull();
  });

  it("sends an unknown tool or bad arguments back to the model as an error, and counts it", async () => {
    const { model, result } = await runOne([
      toolCallReply("delete_everything", {}),
      toolCallReply("recent_flows_of_host", "{not json", "call_1"),
      toolCallReply("flows_to_responder", { limit: 5 }, "call_2"),
      answer,
    ]);
    const contents = result.tools!.results.map((entry) => entry.content);
    expect(contents[0]).toMatch(/^error: unknown tool "delete_everything" \(known: recent_flows_of_host/);
    expect(contents[1]).toMatch(/^error: arguments are not valid JSON/);
    expect(contents[2]).toMatch(/^error: invalid arguments: .*address, a port or both/);
    expect(result.tools).toMatchObject({ errors: 3, outcome: "answered" });
    expect(model.calls[3]!.messages.at(-1)).toMatchObject({ role: "tool", content: contents[2] });
    expect(result.parsed.label).toBe("Malicious");
  });

  it("fails loudly at load when the index is missing or does not hold the dataset's flows", async () => {
    const { dir, datasetPath } = writeFlowIndexFixture();
    await expect(
      loadEnvironment({
        datasetName: datasetPath,
        envMode: "multi-turn",
        split: "all",
        flowIndex: join(dir, "x.sqlite"),
      }),
    ).rejects.toThrow(/flow index .*x\.sqlite not found/);
    const other = join(dir, "other-v1.jsonl");
    writeFileSync(
      other,
      `${JSON.stringify({ question: "q", answer: "Benign", meta: { source: "t", file: "f", line: 9 } })}\n`,
    );
    await expect(
      loadEnvironment({
        datasetName: other,
        envMode: "multi-turn",
        split: "all",
        flowIndex: join(dir, "ctu-v1.flows.sqlite"),
      }),
    ).rejects.toThrow(/example 0 \(meta.file "f", meta.line 9\) is not in the flow index/);
    const empty = join(dir, "empty.flows.sqlite");
    createFlowIndexWriter({ path: empty }).close();
    await expect(
      loadEnvironment({ datasetName: datasetPath, envMode: "multi-turn", split: "all", flowIndex: empty }),
    ).rejects.toThrow(/holds no flows \(its inputs had no timestamps/);
    await expect(loadEnvironment({ datasetSource: "synthetic", envMode: "multi-turn" })).rejects.toThrow(
      /needs a flow index/,
    );
  });
});
