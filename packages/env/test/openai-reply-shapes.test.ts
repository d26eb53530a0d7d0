import { syntheticRows } from "@sv/dataset";
import { type OpenAIServer, type ServerAction, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { createOpenAIModel, loadEnvironment, type RolloutResult } from "../src/index.js";

const ANSWER = JSON.stringify({ label: "Malicious", confidence: 0.9 });
let server: OpenAIServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function generate(action: ServerAction) {
  server = await startOpenAIServer({ handle: () => action });
  const model = createOpenAIModel({ modelId: "loopback", baseURL: server.baseURL });
  return model.doGenerate({ messages: [{ role: "user", content: "classify" }] }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({
      result: undefined,
      error: error as { kind?: string; message: string; retryable?: boolean },
    }),
  );
}

describe("replies that are not a plain string answer, through the openai SDK", () => {
  it.each<[string, ServerAction, string, RegExp]>([
    ["choices: []", { type: "completion", choices: [] }, "no_choice", /no choices/],
    [
      "content: null",
      { type: "completion", message: { role: "assistant", content: null }, finishReason: "length" },
      "no_content",
      /content is null \(finish_reason: length\)/,
    ],
    [
      "a tool call instead of content",
      {
        type: "completion",
        message: {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c1", type: "function", function: { name: "lookup_ip", arguments: "{}" } }],
        },
        finishReason: "tool_calls",
      },
      "no_content",
      /called a tool \(lookup_ip\)/,
    ],
    [
      'content: "" beside a tool call',
      {
        type: "completion",
        message: {
          role: "assistant",
          content: "",
          tool_calls: [{ id: "c2", type: "function", function: { name: "whois", arguments: "{}" } }],
        },
      },
      "no_content",
      /called a tool \(whois\)/,
    ],
    [
      "content parts without text",
      { type: "completion", message: { role: "assistant", content: [{ type: "image_url" }] } },
      "no_content",
      /parts hold no text/,
    ],
  ])("%s is an error of its own kind, not an empty answer", async (_name, action, kind, message) => {
    const { error } = await generate(action);
    expect(error?.kind).toBe(kind);
    expect(error?.message).toMatch(message);
    expect(error?.retryable).toBe(false);
  });

  it("records a refusal as such, with empty text", async () => {
    const { result } = await generate({
      type: "completion",
      message: { role: "assistant", content: null, refusal: "I can't help with that." },
    });
    expect(result).toMatchObject({ text: "", refusal: "I can't help with that." });
  });

  it("joins content given as a list of text parts", async () => {
    const { result } = await generate({
      type: "completion",
      message: {
        role: "assistant",
        content: [
          { type: "text", text: ANSWER.slice(0, 10) },
          { type: "text", text: ANSWER.slice(10) },
        ],
      },
    });
    expect(result?.text).toBe(ANSWER);
  });

  it.each<[string, unknown]>([
    ["null counts", { prompt_tokens: null, completion_tokens: null }],
    ["negative counts", { prompt_tokens: -5, completion_tokens: 3 }],
    ["no usage", undefined],
  ])("reads %s as unknown (null) token usage", async (_name, usage) => {
    const { result } = await generate({
      type: "completion",
      message: { role: "assistant", content: ANSWER },
      usage,
    });
    expect(result?.text).toBe(ANSWER);
    const expected =
      usage && (usage as { completion_tokens: unknown }).completion_tokens === 3
        ? { inputTokens: null, outputTokens: 3 }
        : { inputTokens: null, outputTokens: null };
    expect(result?.usage).toEqual(expected);
  });

  it("counts such rollouts as errors, refusals and unknown usage in a run", async () => {
    const rows = syntheticRows().slice(0, 4);
    const actions: ServerAction[] = [
      { type: "completion", choices: [] },
      {
        type: "completion",
        message: { role: "assistant", content: null, refusal: "no." },
        usage: { prompt_tokens: 10, completion_tokens: 2 },
      },
      {
        type: "completion",
        message: { role: "assistant", content: ANSWER },
        usage: { prompt_tokens: -1, completion_tokens: 4 },
      },
      { type: "reply", content: ANSWER },
    ];
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        return actions[rows.findIndex((row) => row.question === question)]!;
      },
    });
    const env = await loadEnvironment({ rows });
    const run = env.evaluate({
      model: createOpenAIModel({ modelId: "loopback", baseURL: server.baseURL }),
      maxConcurrent: 1,
      maxConsecutiveErrors: 0,
    });
    const results: RolloutResult[] = [];
    for await (const result of run) results.push(result);
    const byExample = results.sort((left, right) => left.example_id - right.example_id);
    expect(byExample[0]).toMatchObject({ error: { type: "no_choice" }, attempts: 1 });
    expect(byExample[1]).toMatchObject({
      error: null,
      refusal: "no.",
      completion: "",
      parsed: { label: null },
    });
    expect(byExample[2]?.token_usage).toEqual({ input_tokens: null, output_tokens: 4 });
    expect(byExample[3]).not.toHaveProperty("refusal");
    const summary = await run.summary();
    expect(summary).toMatchObject({
      errors: 1,
      refusals: 1,
      unknownUsage: 1,
      usage: { input_tokens: 110, output_tokens: 26 },
    });
  });
});
