import { syntheticRows } from "@sv/dataset";
import { createRubric } from "@sv/rubric";
import { type OpenAIServer, type ServerAction, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { type RolloutResult, createOpenAIModel, loadEnvironment } from "../src/index.js";

const SENTINEL_KEY = "sk-SENTINEL-0123456789abcdef";
const answer = (label: string) => JSON.stringify({ label, confidence: 0.75, rationale: "loopback" });
let server: OpenAIServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function collect(iterable: AsyncIterable<RolloutResult>): Promise<RolloutResult[]> {
  const results: RolloutResult[] = [];
  for await (const result of iterable) results.push(result);
  return results;
}

describe("createOpenAIModel over a loopback server", () => {
  it("survives 429 + Retry-After, 500, resets and non-JSON bodies; records each rollout once", async () => {
    const rows = syntheticRows();
    const faults = new Map<number, ServerAction[]>([
      [0, [{ type: "status", status: 429, headers: { "retry-after": "1" } }]],
      [
        1,
        [
          { type: "status", status: 500 },
          { type: "status", status: 503 },
        ],
      ],
      [2, [{ type: "reset" }]],
      [3, [{ type: "non-json" }]],
      [5, Array.from({ length: 9 }, () => ({ type: "status", status: 500 }) as ServerAction)],
    ]);
    const seen = new Map<number, number>();
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        const example = rows.findIndex((row) => row.question === question);
        const attempt = seen.get(example) ?? 0;
        seen.set(example, attempt + 1);
        const fault = faults.get(example)?.[attempt];
        return fault ?? { type: "reply", content: answer(example % 2 ? "Benign" : "Malicious") };
      },
    });
    const env = await loadEnvironment({ rows });
    const model = createOpenAIModel({
      modelId: "loopback-model",
      apiKey: SENTINEL_KEY,
      baseURL: server.baseURL,
    });
    const sleeps: number[] = [];
    const run = env.evaluate({
      model,
      maxConcurrent: 4,
      maxRetries: 3,
      // No timeout can fire here: a loopback reply on a machine 100x slower still comes far sooner. (A
      // short one raced the replies: on a busy machine a slow reply timed out and took extra attempts.)
      timeoutMs: 120_000,
      samplingArgs: { max_tokens: 64, temperature: 0.2 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0,
      backoff: { baseDelayMs: 1 },
    });
    const results = await collect(run);
    expect(results.map((result) => result.example_id).sort()).toEqual(rows.map((_, index) => index));
    const byExample = new Map(results.map((result) => [result.example_id, result]));
    expect(byExample.get(0)?.attempts).toBe(2);
    expect(byExample.get(1)?.attempts).toBe(3);
    expect(byExample.get(2)?.attempts).toBe(2);
    expect(byExample.get(3)?.attempts).toBe(2);
    expect(byExample.get(4)?.attempts).toBe(1);
    expect(byExample.get(5)).toMatchObject({ attempts: 4, error: { type: "server_error" }, completion: "" });
    expect(sleeps).toContain(1000);
    const rubric = createRubric();
    for (const result of results) {
      const scored = rubric.score({ completion: result.completion, answer: result.answer });
      expect(result.metrics).toEqual(scored.rewards);
      expect(result.reward).toBe(scored.reward);
      if (!result.error) expect(result.token_usage).toEqual({ input_tokens: 100, output_tokens: 20 });
      expect(JSON.stringify(result)).not.toContain(SENTINEL_KEY);
    }
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SENTINEL_KEY}`);
    expect(server.requests[0]?.body).toMatchObject({
      model: "loopback-model",
      max_tokens: 64,
      temperature: 0.2,
    });
    const summary = await run.summary();
    expect(summary).toMatchObject({ done: rows.length, errors: 1 });
  });

  it("times out a hanging request, aborts it and retries it", async () => {
    const rows = syntheticRows().slice(0, 2);
    const seen = new Map<number, number>();
    server = await startOpenAIServer({
      handle: (request) => {
        const example = rows.findIndex((row) => row.question === String(request.messages.at(-1)?.content));
        const attempt = seen.get(example) ?? 0;
        seen.set(example, attempt + 1);
        return example === 0 && attempt === 0
          ? { type: "hang" }
          : { type: "reply", content: answer("Benign") };
      },
    });
    const env = await loadEnvironment({ rows });
    const retries: string[] = [];
    const run = env.evaluate({
      model: createOpenAIModel({ modelId: "loopback-model", baseURL: server.baseURL }),
      maxConcurrent: 2,
      maxRetries: 5,
      // The hang always times out; a reply slower than this on a busy machine only costs one more attempt,
      // which the assertions below allow (they count what the server saw, not a fixed number).
      timeoutMs: 1_000,
      sleep: async () => {},
      random: () => 0,
      onRetry: ({ exampleId, errorType }) => retries.push(`${exampleId}:${errorType}`),
    });
    const results = await collect(run);
    const hung = results.find((result) => result.example_id === 0)!;
    expect(hung.error).toBeNull();
    expect(hung.completion).toBe(answer("Benign"));
    expect(hung.attempts).toBeGreaterThanOrEqual(2);
    expect(hung.attempts).toBe(seen.get(0));
    expect(retries).toContain("0:timeout");
    expect(results.find((result) => result.example_id === 1)?.attempts).toBe(seen.get(1));
  });

  it("sends max_completion_tokens and no temperature to reasoning models", async () => {
    server = await startOpenAIServer({ handle: () => ({ type: "reply", content: answer("Benign") }) });
    const model = createOpenAIModel({ modelId: "gpt-5-mini", baseURL: server.baseURL });
    await model.doGenerate({
      messages: [{ role: "user", content: "hi" }],
      samplingArgs: { max_tokens: 32, temperature: 0.7 },
    });
    expect(server.requests[0]?.body.max_completion_tokens).toBe(32);
    expect(server.requests[0]?.body).not.toHaveProperty("temperature");
    expect(server.requests[0]?.body).not.toHaveProperty("max_tokens");
  });

  it("never puts the API key in an error message", async () => {
    server = await startOpenAIServer({
      handle: (_request, context) => ({
        type: "status",
        status: 401,
        message: `Incorrect API key provided: ${String(context.headers.authorization).slice(7)}`,
      }),
    });
    const model = createOpenAIModel({ modelId: "m", apiKey: SENTINEL_KEY, baseURL: server.baseURL });
    const error = await model
      .doGenerate({ messages: [{ role: "user", content: "hi" }] })
      .catch((caught) => caught);
    expect(error.kind).toBe("client_error");
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain(SENTINEL_KEY);
    expect(error.message).toContain("[redacted]");
  });
});
