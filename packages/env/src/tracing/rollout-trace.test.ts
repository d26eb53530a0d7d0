import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { describe, expect, it } from "vitest";
import { RunTrace } from "./run-trace.js";

describe("RolloutTrace.judgeCall", () => {
  it("runs the judge call in a sv.judge_call span under the rollout, with what the call records", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
    const run = new RunTrace({ tracer: provider.getTracer("t") }, { modelId: "m", provider: "scripted" });
    run.start(1);
    await run.rollout({ exampleId: 0, rolloutIndex: 0 }, async (rollout) => {
      const verdict = await rollout.judgeCall(
        async (step) => {
          const hooks = rollout.attemptHooks(undefined, {
            modelId: "judge-1",
            provider: "openai-compatible",
          });
          await hooks.wrapAttempt(1, async () => ({
            text: "yes",
            usage: { inputTokens: 40, outputTokens: 1 },
          }));
          step.set({ "sv.judge.verdict": "correct", "gen_ai.usage.input_tokens": 40, "sv.cost_usd": null });
          return "correct";
        },
        { "gen_ai.request.model": "judge-1" },
      );
      expect(verdict).toBe("correct");
      await expect(
        rollout.judgeCall(async () => {
          throw new TypeError("judge reply was not JSON: {secret text}");
        }),
      ).rejects.toThrow(TypeError);
      return null;
    });
    const spans = exporter.getFinishedSpans();
    const rollout = spans.find((span) => span.name === "sv.rollout")!;
    const judged = spans.filter((span) => span.name === "sv.judge_call");
    expect(judged).toHaveLength(2);
    expect(judged.every((span) => span.parentSpanContext?.spanId === rollout.spanContext().spanId)).toBe(
      true,
    );
    const [attempt] = spans.filter((span) => span.name === "sv.model_call");
    expect(attempt!.parentSpanContext?.spanId).toBe(judged[0]!.spanContext().spanId);
    expect(attempt!.attributes).toMatchObject({ "gen_ai.request.model": "judge-1", "sv.attempt": 1 });
    expect(judged[0]!.attributes).toEqual({
      "gen_ai.request.model": "judge-1",
      "sv.judge.verdict": "correct",
      "gen_ai.usage.input_tokens": 40,
    });
    // A throw is recorded by its class, never by its message.
    expect(judged[1]!.attributes).toEqual({ "error.type": "TypeError" });
    expect(judged[1]!.status).toEqual({ code: 2, message: "TypeError" });
    await provider.shutdown();
  });
});
