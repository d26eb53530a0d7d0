import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { syntheticRows } from "@sv/dataset";
import { afterEach, describe, expect, it } from "vitest";
import { backoffDelay } from "../evaluate/backoff.js";
import { loadEnvironment } from "../load-environment.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { createScriptedModel, toolCallReply } from "../test/scripted-model.js";
import { HOST, writeFlowIndexFixture } from "../test-utils/flow-index-fixture.js";
import type { WrappedStep } from "./traced-step.js";

const reply = (label: string, confidence = 0.8) => JSON.stringify({ label, confidence });
const instantSleep = async () => {};

function recorder() {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  return { exporter, provider, tracer: provider.getTracer("test") };
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const named = (spans: ReadableSpan[], name: string) => spans.filter((span) => span.name === name);

let provider: TracerProvider | undefined;
afterEach(async () => {
  await provider?.shutdown();
  provider = undefined;
});

describe("evaluate() spans", () => {
  it("one rollout span per rollout, a model-call span per attempt (429 then success), a retry wait and the score", async () => {
    const traced = recorder();
    provider = traced.provider;
    const env = await loadEnvironment({ rows: syntheticRows().slice(0, 3) });
    const model = createScriptedModel({
      modelId: "m-1",
      replies: (_request, call) =>
        call === 0
          ? new ModelCallError({ kind: MODEL_ERROR_KINDS.rateLimit, message: "slow down", retryAfterMs: 5 })
          : { text: reply("Malicious", 0.9), usage: { inputTokens: 120, outputTokens: 30 } },
    });
    const run = env.evaluate({
      model,
      maxConcurrent: 1,
      sleep: instantSleep,
      random: () => 0.5,
      tracing: {
        tracer: traced.tracer,
        costUsd: (rollout) => (rollout.token_usage.input_tokens! + rollout.token_usage.output_tokens!) / 1000,
      },
    });
    const results = [];
    for await (const result of run) results.push(result);
    const spans = traced.exporter.getFinishedSpans();

    const [evaluate] = named(spans, "sv.evaluate");
    expect(evaluate!.attributes).toMatchObject({
      "sv.rollouts.total": 3,
      "sv.rollouts.done": 3,
      "sv.retries": 1,
    });
    const rollouts = named(spans, "sv.rollout");
    expect(rollouts).toHaveLength(3);
    for (const rollout of rollouts) expect(parentOf(rollout)).toBe(evaluate!.spanContext().spanId);
    const first = rollouts.find((span) => span.attributes["sv.example_id"] === 0)!;
    const result = results.find((row) => row.example_id === 0)!;
    expect(first.attributes).toMatchObject({
      "sv.rollout_index": 0,
      "gen_ai.request.model": "m-1",
      "sv.answer": result.answer,
      "sv.label": "Malicious",
      "sv.confidence": 0.9,
      "sv.reward": result.reward,
      "sv.metrics.accuracy": result.metrics.accuracy,
      "sv.metrics.asymmetric_cost": result.metrics.asymmetric_cost,
      "gen_ai.usage.input_tokens": 120,
      "gen_ai.usage.output_tokens": 30,
      "sv.cost_usd": 0.15,
      "sv.cached": false,
      "sv.attempts": 2,
    });

    const calls = named(spans, "sv.model_call");
    expect(calls).toHaveLength(4);
    const firstCalls = calls.filter((span) => parentOf(span) === first.spanContext().spanId);
    expect(
      firstCalls.map((span) => [span.attributes["sv.attempt"], span.attributes["error.type"] ?? "ok"]),
    ).toEqual([
      [1, "rate_limit"],
      [2, "ok"],
    ]);
    expect(firstCalls[0]!.status.code).toBe(2);
    const [retry] = named(spans, "sv.retry");
    expect(parentOf(retry!)).toBe(first.spanContext().spanId);
    expect(retry!.attributes).toMatchObject({
      "sv.retry.number": 1,
      "sv.retry.delay_ms": Math.round(backoffDelay(1, () => 0.5, 5, {})),
      "error.type": "rate_limit",
    });
    const scores = named(spans, "sv.score");
    expect(scores).toHaveLength(3);
    expect(scores.every((span) => rollouts.some((r) => r.spanContext().spanId === parentOf(span)))).toBe(
      true,
    );
    // Nothing of the prompt or the reply is an attribute.
    const text = JSON.stringify(spans.map((span) => [span.attributes, span.events]));
    expect(text).not.toContain("Log Entry");
    expect(text).not.toContain('confidence\\":');
  });

  it("a failed rollout's span carries the error type; unknown tokens and an unknown cost are left out, not 0", async () => {
    const traced = recorder();
    provider = traced.provider;
    const env = await loadEnvironment({ rows: syntheticRows().slice(0, 2) });
    const model = createScriptedModel({
      replies: (_request, call) =>
        call === 0
          ? new ModelCallError({ kind: MODEL_ERROR_KINDS.client, message: "bad request" })
          : { text: reply("Benign"), usage: { inputTokens: null, outputTokens: null } },
    });
    for await (const _ of env.evaluate({
      model,
      maxConcurrent: 1,
      tracing: {
        tracer: traced.tracer,
        costUsd: (rollout) => (rollout.token_usage.input_tokens === null ? null : 1),
      },
    }))
      void _;
    const rollouts = named(traced.exporter.getFinishedSpans(), "sv.rollout");
    const failed = rollouts.find((span) => span.attributes["sv.example_id"] === 0)!;
    expect(failed.attributes["error.type"]).toBe("client_error");
    expect(failed.status.code).toBe(2);
    // The cost is what the caller's accounting says (a failed rollout may have been billed).
    expect(failed.attributes["sv.cost_usd"]).toBe(1);
    const unknown = rollouts.find((span) => span.attributes["sv.example_id"] === 1)!;
    expect(unknown.attributes["gen_ai.usage.input_tokens"]).toBeUndefined();
    expect(unknown.attributes["sv.cost_usd"]).toBeUndefined();
    expect(unknown.attributes["sv.label"]).toBe("Benign");
  });

  it("multi-turn: a turn span per request with its attempts inside, a tool-call span per call", async () => {
    const traced = recorder();
    provider = traced.provider;
    const { datasetPath } = writeFlowIndexFixture();
    const env = await loadEnvironment({ datasetName: datasetPath, envMode: "multi-turn", split: "all" });
    const model = createScriptedModel({
      replies: [toolCallReply("recent_flows_of_host", { host: HOST }), reply("Malicious", 0.9)],
    });
    for await (const _ of env.evaluate({ model, numExamples: 1, tracing: { tracer: traced.tracer } })) void _;
    env.close();
    const spans = traced.exporter.getFinishedSpans();
    const [rollout] = named(spans, "sv.rollout");
    const turns = named(spans, "sv.turn");
    expect(turns.map((span) => [span.attributes["sv.turn"], span.attributes["sv.tool_calls"]])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    for (const turn of turns) expect(parentOf(turn)).toBe(rollout!.spanContext().spanId);
    const calls = named(spans, "sv.model_call");
    expect(calls.map((span) => parentOf(span))).toEqual(turns.map((span) => span.spanContext().spanId));
    const [tool] = named(spans, "sv.tool_call");
    expect(tool!.attributes).toMatchObject({
      "gen_ai.tool.name": "recent_flows_of_host",
      "sv.turn": 1,
      "sv.tool.ok": true,
    });
    expect(JSON.stringify(tool!.attributes)).not.toContain(HOST);
    expect(rollout!.attributes).toMatchObject({
      "sv.tool_calls": 1,
      "sv.outcome": "answered",
      "sv.label": "Malicious",
    });
    expect(named(spans, "sv.score")).toHaveLength(1);
  });

  it("judge mode: a sv.judge_call span per judged rollout, the judge's attempts inside, its verdict", async () => {
    const traced = recorder();
    provider = traced.provider;
    const env = await loadEnvironment({ rows: syntheticRows().slice(0, 2), rubricMode: "judge" });
    const model = createScriptedModel({ modelId: "m-1", replies: [reply("Malicious", 0.9)] });
    const judge = createScriptedModel({
      modelId: "judge-1",
      replies: (_request, call) =>
        call === 0 ? new ModelCallError({ kind: MODEL_ERROR_KINDS.server, message: "busy" }) : "yes",
    });
    const results = [];
    for await (const result of env.evaluate({
      model,
      judge: { model: judge },
      maxConcurrent: 1,
      sleep: instantSleep,
      tracing: { tracer: traced.tracer },
    }))
      results.push(result);
    const spans = traced.exporter.getFinishedSpans();
    const rollouts = named(spans, "sv.rollout");
    const judged = named(spans, "sv.judge_call");
    expect(judged).toHaveLength(2);
    for (const span of judged) {
      expect(rollouts.map((rollout) => rollout.spanContext().spanId)).toContain(parentOf(span));
      expect(span.attributes).toMatchObject({
        "gen_ai.request.model": "judge-1",
        "sv.judge.kind": "correctness",
        "sv.judge.verdict": "yes",
        "sv.judge.score": 1,
      });
    }
    const judgeCalls = named(spans, "sv.model_call").filter(
      (span) => span.attributes["gen_ai.request.model"] === "judge-1",
    );
    expect(judgeCalls).toHaveLength(3);
    for (const call of judgeCalls)
      expect(judged.map((span) => span.spanContext().spanId)).toContain(parentOf(call));
    expect(judgeCalls.filter((call) => call.attributes["error.type"] === "server_error")).toHaveLength(1);
    expect(
      named(spans, "sv.retry").filter((span) =>
        judged.some((j) => j.spanContext().spanId === parentOf(span)),
      ),
    ).toHaveLength(1);
    for (const rollout of rollouts) {
      const result = results.find((row) => row.example_id === rollout.attributes["sv.example_id"])!;
      expect(rollout.attributes).toMatchObject({ "sv.judge.verdict": "yes", "sv.reward": result.reward });
    }
    expect(JSON.stringify(judged.map((span) => span.attributes))).not.toMatch(/Log Entry|canonical/i);
  });

  it("wrapStep runs around each asynchronous step, nested, and sees its outcome", async () => {
    const env = await loadEnvironment({ rows: syntheticRows().slice(0, 1) });
    const model = createScriptedModel({ replies: [reply("Benign", 0.6)] });
    const seen: { name: string; depth: number; outputs?: Record<string, unknown> }[] = [];
    let depth = 0;
    const wrapStep = async <T>(step: WrappedStep, run: () => Promise<T>): Promise<T> => {
      const entry: (typeof seen)[number] = { name: step.name, depth };
      seen.push(entry);
      depth++;
      try {
        return await run();
      } finally {
        depth--;
        entry.outputs = { ...step.outputs() };
      }
    };
    for await (const _ of env.evaluate({ model, tracing: { wrapStep } })) void _;
    expect(seen.map(({ name, depth }) => [name, depth])).toEqual([
      ["sv.rollout", 0],
      ["sv.model_call", 1],
    ]);
    expect(seen[0]!.outputs).toMatchObject({
      "sv.example_id": 0,
      "sv.label": "Benign",
      "sv.confidence": 0.6,
    });
  });

  it("without an SDK registered, the default global tracer records nothing and the run is unchanged", async () => {
    const env = await loadEnvironment({ rows: syntheticRows().slice(0, 2) });
    const model = createScriptedModel({ replies: [reply("Benign")] });
    const run = env.evaluate({ model });
    for await (const _ of run) void _;
    expect((await run.summary()).done).toBe(2);
  });
});
