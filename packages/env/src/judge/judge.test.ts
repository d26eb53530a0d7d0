import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Row } from "@sv/dataset";
import { ORIGINAL_JUDGE_PROMPT, ORIGINAL_JUDGE_SYSTEM_PROMPT } from "@sv/rubric";
import { type OpenAIServer, type ServerAction, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { fixturesDir } from "../../../../vitest.shared.js";
import { createMemoryResponseCache } from "../cache/response-cache-store.js";
import { withResponseCache } from "../cache/with-response-cache.js";
import type { EvaluateOptions } from "../evaluate/evaluate-options.js";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import { loadEnvironment } from "../load-environment.js";
import type { ChatModel } from "../model/chat-model.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { createOpenAIModel } from "../model/openai-model.js";
import { createScriptedModel, toolCallReply } from "../test/scripted-model.js";
import { HOST, writeFlowIndexFixture } from "../test-utils/flow-index-fixture.js";

const fixture = JSON.parse(readFileSync(join(fixturesDir, "judge", "judge-vectors.json"), "utf8")) as {
  example: { question: string; answer: string; formatted: string };
  vectors: { completion: string }[];
};

const meta = (index: number) => ({
  source: "test",
  scenario: "s",
  attack_family: "none",
  hash: index.toString(16).padStart(16, "0"),
  split: "test",
});
const rows: Row[] = [
  { question: fixture.example.question, answer: "Benign", meta: meta(0) },
  { question: "Log Entry: id.resp_p=23, conn_state=S0", answer: "Malicious", meta: meta(1) },
  { question: "Log Entry: id.resp_p=53, proto=udp", answer: "Benign", meta: meta(2) },
  { question: "Log Entry: id.resp_p=6667, proto=tcp", answer: "Malicious", meta: meta(3) },
  { question: "Log Entry: id.resp_p=80, proto=tcp", answer: "Benign", meta: meta(4) },
];
/** The model's reply per example: the fixture's first reply, then assorted ones. */
const replies = [
  fixture.vectors[0]!.completion,
  '{"label": "Malicious", "confidence": 0.9, "rationale": "S0 to telnet"}',
  '{"label": "Benign", "confidence": 0.6}',
  '{"label": "Benign", "confidence": 0.8, "rationale": "irc"}',
  "I cannot tell",
];
const judgeReplies = ["yes", "No.", " YES, because the label is right", "garbage }{", ""];

const servers: OpenAIServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const exampleOf = (content: unknown) => rows.findIndex((row) => String(content).includes(row.question));

async function modelServer(): Promise<OpenAIServer> {
  const server = await startOpenAIServer({
    handle: (request): ServerAction => ({
      type: "reply",
      content: replies[exampleOf(request.messages.at(-1)?.content)]!,
      usage: { prompt_tokens: 50, completion_tokens: 10 },
    }),
  });
  servers.push(server);
  return server;
}

async function judgeServer(handle?: (example: number, call: number) => ServerAction): Promise<OpenAIServer> {
  const server = await startOpenAIServer({
    handle: (request, { call }): ServerAction => {
      const example = exampleOf(request.messages[0]?.content);
      return (
        handle?.(example, call) ?? {
          type: "reply",
          content: judgeReplies[example]!,
          usage: { prompt_tokens: 300, completion_tokens: 2 },
        }
      );
    },
  });
  servers.push(server);
  return server;
}

const instant = { sleep: async () => {}, random: () => 0.5 };

async function evaluate(
  mode: "judge" | "hybrid",
  model: ChatModel,
  judge: ChatModel,
  extra: Partial<EvaluateOptions> = {},
  judgeWeight?: number,
) {
  const env = await loadEnvironment({
    rows,
    rubricMode: mode,
    ...(judgeWeight === undefined ? {} : { judgeWeight }),
  });
  const run = env.evaluate({ model, judge: { model: judge }, maxConcurrent: 2, ...instant, ...extra });
  const results: RolloutResult[] = [];
  for await (const result of run) results.push(result);
  results.sort((a, b) => a.example_id - b.example_id);
  return { env, results, summary: await run.summary() };
}

const openai = (server: OpenAIServer, modelId: string) =>
  createOpenAIModel({ modelId, baseURL: server.baseURL });

describe("judge mode (the original's sv-netlogs-judge)", () => {
  it("sends the original's prompt with question, gold label and canonical JSON, and scores by its yes rule", async () => {
    const model = await modelServer();
    const judge = await judgeServer();
    const { env, results, summary } = await evaluate(
      "judge",
      openai(model, "m"),
      openai(judge, "gpt-4.1-nano"),
    );
    expect(env.systemPrompt).toBe(ORIGINAL_JUDGE_SYSTEM_PROMPT);
    // The exact text Python's JUDGE_PROMPT.format(...) gives for example 0 (fixtures/judge).
    const first = judge.requests.find((request) => exampleOf(request.body.messages[0]?.content) === 0)!;
    expect(first.body.messages).toEqual([{ role: "user", content: fixture.example.formatted }]);
    expect(first.body).toMatchObject({ model: "gpt-4.1-nano", max_tokens: 16, temperature: 0 });
    const fourth = judge.requests.find((request) => exampleOf(request.body.messages[0]?.content) === 4)!;
    expect(fourth.body.messages[0]!.content).toBe(
      ORIGINAL_JUDGE_PROMPT.replace("{{", "{")
        .replace("}}", "}")
        .replace("{question}", rows[4]!.question)
        .replace("{answer}", "Benign")
        .replace("{response}", "I cannot tell"),
    );
    expect(results.map((result) => [result.judge?.verdict, result.judge?.score, result.reward])).toEqual([
      ["yes", 1, 1],
      ["no", 0, 0],
      ["yes", 1, 1],
      ["no", 0, 0],
      ["no", 0, 0],
    ]);
    const scored = env.score(replies[1]!, rows[1]!);
    expect(results[1]!.metrics).toEqual(scored.rewards);
    expect(results[1]!.programmatic).toEqual({ reward: scored.reward, ...scored.rewards });
    expect(results[2]!.judge).toEqual({
      kind: "correctness",
      model: "gpt-4.1-nano",
      verdict: "yes",
      score: 1,
      reply: " YES, because the label is right",
      attempts: 1,
      token_usage: { input_tokens: 300, output_tokens: 2 },
      error: null,
    });
    expect(results[0]!.token_usage).toEqual({ input_tokens: 50, output_tokens: 10 });
    expect(summary.judge).toEqual({
      kind: "correctness",
      model: "gpt-4.1-nano",
      judged: 5,
      errors: 0,
      yes: 2,
      cached: 0,
      usage: { input_tokens: 1500, output_tokens: 10 },
      unknownUsage: 0,
    });
    expect(summary.usage).toEqual({ input_tokens: 250, output_tokens: 50 });
    expect(summary.rewards.reward).toBeCloseTo(0.4, 12);
  });

  it("retries a judge 429 like a model call and counts the attempts", async () => {
    const model = await modelServer();
    let limited = false;
    const judge = await judgeServer((example) => {
      if (example !== 1 || limited) return undefined as unknown as ServerAction;
      limited = true;
      return { type: "status", status: 429, headers: { "retry-after": "0" } };
    });
    const retries: string[] = [];
    const { results, summary } = await evaluate("judge", openai(model, "m"), openai(judge, "j"), {
      onRetry: (info) => retries.push(`${info.exampleId}:${info.errorType}`),
    });
    expect(results[1]!.judge).toMatchObject({ verdict: "no", attempts: 2, error: null });
    expect(results[1]!.error).toBeNull();
    expect(results[1]!.attempts).toBe(1);
    expect(retries).toEqual(["1:judge_rate_limit"]);
    expect(summary.retries).toBe(1);
  });

  it("makes a rollout whose judge fails for good an error row that keeps the model's reply and tokens", async () => {
    const model = await modelServer();
    const judge = await judgeServer((example) =>
      example === 3
        ? { type: "status", status: 503, message: "judge down" }
        : (undefined as unknown as ServerAction),
    );
    const { results, summary } = await evaluate("judge", openai(model, "m"), openai(judge, "j"), {
      maxRetries: 2,
    });
    const failed = results[3]!;
    expect(failed.error).toEqual({
      type: "judge_server_error",
      message: expect.stringMatching(/^judge: .*judge down/),
    });
    expect(failed.completion).toBe(replies[3]);
    expect(failed.token_usage).toEqual({ input_tokens: 50, output_tokens: 10 });
    expect(failed.reward).toBe(0);
    expect(failed.judge).toMatchObject({
      verdict: null,
      score: null,
      attempts: 3,
      error: { type: "server_error" },
    });
    expect(summary).toMatchObject({ errors: 1, judge: { judged: 4, errors: 1 } });
  });

  it("stops with max_cost, without a row, when the spending limit refuses a judge request", async () => {
    const model = await modelServer();
    let judged = 0;
    const judge: ChatModel = {
      provider: "openai-compatible",
      modelId: "j",
      async doGenerate() {
        judged++;
        if (judged <= 2) return { text: "yes", usage: { inputTokens: 300, outputTokens: 1 } };
        throw new ModelCallError({ kind: MODEL_ERROR_KINDS.budgetExceeded, message: "over the limit" });
      },
    };
    const { results, summary } = await evaluate("judge", openai(model, "m"), judge, { maxConcurrent: 1 });
    expect(results.map((result) => result.example_id)).toEqual([0, 1]);
    expect(results.every((result) => result.error === null)).toBe(true);
    expect(summary.stopReason).toEqual({ type: "max_cost", message: "over the limit" });
    expect(judged).toBe(3);
  });

  it("does not judge a rollout whose model call failed", async () => {
    const judge = createScriptedModel({ replies: ["yes"] });
    const model = createScriptedModel({
      replies: (_request, call) => (call === 0 ? new Error("boom") : '{"label": "Benign", "confidence": 1}'),
    });
    const { results, summary } = await evaluate("judge", model, judge, { maxConcurrent: 1 });
    expect(results[0]!.error?.type).toBe("client_error");
    expect(results[0]!.judge).toBeUndefined();
    expect(judge.calls).toHaveLength(4);
    expect(summary.judge?.judged).toBe(4);
  });

  it("answers a re-run from the response cache with both servers down, rows unchanged", async () => {
    const model = await modelServer();
    const judge = await judgeServer();
    const store = createMemoryResponseCache();
    const cached = (chat: ChatModel, endpoint: string) => withResponseCache({ model: chat, store, endpoint });
    const first = await evaluate(
      "judge",
      cached(openai(model, "m"), model.baseURL),
      cached(openai(judge, "j"), judge.baseURL),
    );
    const modelURL = model.baseURL;
    const judgeURL = judge.baseURL;
    for (const server of servers.splice(0)) await server.close();
    const down = (baseURL: string, id: string) => createOpenAIModel({ modelId: id, baseURL });
    const second = await evaluate(
      "judge",
      cached(down(modelURL, "m"), modelURL),
      cached(down(judgeURL, "j"), judgeURL),
      {
        maxRetries: 0,
      },
    );
    const strip = (result: RolloutResult) => {
      const { timing: _timing, cached: _cached, judge, ...rest } = result;
      const { cached: _judgeCached, ...judgeRest } = judge!;
      return { ...rest, judge: judgeRest };
    };
    expect(second.results.map(strip)).toEqual(first.results.map(strip));
    expect(second.results.every((result) => result.cached === true && result.judge?.cached === true)).toBe(
      true,
    );
    expect(second.summary.judge?.cached).toBe(5);
    // Judge entries are keyed by their own endpoint, model and messages: 5 model + 5 judge replies.
    expect(store.size).toBe(10);
  });
});

describe("hybrid mode", () => {
  it("adds weight × the rationale score to the unchanged programmatic total, exactly", async () => {
    const model = await modelServer();
    const judge = await judgeServer();
    const { env, results, summary } = await evaluate(
      "hybrid",
      openai(model, "m"),
      openai(judge, "j"),
      {},
      0.25,
    );
    for (const result of results) {
      const scored = env.score(result.completion, rows[result.example_id]!);
      expect(result.metrics).toEqual(scored.rewards);
      expect(result.programmatic).toEqual({ reward: scored.reward, ...scored.rewards });
      expect(result.reward).toBe(result.judge!.score === 1 ? scored.reward + 0.25 : scored.reward);
    }
    // Examples 2 and 4 have no rationale: scored 0 without a judge call.
    expect(results.map((result) => result.judge?.skipped ?? result.judge?.verdict)).toEqual([
      "yes",
      "no",
      "no_rationale",
      "no",
      "no_rationale",
    ]);
    expect(judge.requests).toHaveLength(3);
    const request = judge.requests.find((item) => exampleOf(item.body.messages[0]?.content) === 1)!;
    expect(String(request.body.messages[0]!.content)).toContain(
      "The model's label: Malicious\nThe model's rationale: S0 to telnet\n",
    );
    expect(env.systemPrompt).not.toBe(ORIGINAL_JUDGE_SYSTEM_PROMPT);
    expect(summary.judge).toMatchObject({ kind: "rationale", judged: 5, yes: 1 });
  });
});

describe("rubric mode options", () => {
  it("reads the original's reward_source and judge_weight, and refuses what cannot work", async () => {
    expect((await loadEnvironment({ rows, reward_source: "llm_judge" } as never)).rubricMode).toBe("judge");
    expect((await loadEnvironment({ rows })).rubricMode).toBe("executable");
    await expect(loadEnvironment({ rows, judgeWeight: 0.2 })).rejects.toThrow(/needs rubricMode "hybrid"/);
    await expect(loadEnvironment({ rows, rubricMode: "judges" as never })).rejects.toThrow(/rubricMode/);
    const judgeEnv = await loadEnvironment({ rows, rubricMode: "judge" });
    const model = createScriptedModel({ replies: ["x"] });
    expect(() => judgeEnv.evaluate({ model })).toThrow(/needs a judge/);
    const plain = await loadEnvironment({ rows });
    expect(() => plain.evaluate({ model, judge: { model } })).toThrow(/rubricMode is "executable"/);
  });
});

describe("judging a multi-turn rollout", () => {
  it("shows the judge the question and the final reply, and charges tool calls in hybrid mode", async () => {
    const { datasetPath } = writeFlowIndexFixture();
    const env = await loadEnvironment({
      datasetName: datasetPath,
      envMode: "multi-turn",
      split: "all",
      rubricMode: "hybrid",
      costs: { toolCall: -0.02 },
    });
    const final = JSON.stringify({
      label: "Malicious",
      confidence: 0.9,
      rationale: "S0 flood from the host",
    });
    const model = createScriptedModel({
      replies: [toolCallReply("recent_flows_of_host", { host: HOST }), final],
    });
    const judge = createScriptedModel({ replies: ["yes"] });
    const results: RolloutResult[] = [];
    for await (const result of env.evaluate({ model, judge: { model: judge }, numExamples: 1, ...instant })) {
      results.push(result);
    }
    env.close();
    const result = results[0]!;
    const question = String(result.prompt.at(-1)!.content);
    expect(judge.calls[0]!.messages[0]!.content).toContain(`\`\`\`\n${question}\n\`\`\``);
    expect(judge.calls[0]!.messages[0]!.content).toContain("The model's rationale: S0 flood from the host\n");
    const programmatic = env.score(final, { answer: result.answer as "Malicious" | "Benign" }).reward - 0.02;
    expect(result.programmatic!.reward).toBe(programmatic);
    expect(result.reward).toBe(programmatic + 0.1);
    expect(result.tools?.calls).toHaveLength(1);
  });
});
