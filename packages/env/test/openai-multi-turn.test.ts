import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { createOpenAIModel, FLOW_TOOL_NAMES, loadEnvironment, type RolloutResult } from "../src/index.js";
import { HOST, writeFlowIndexFixture } from "../src/test-utils/flow-index-fixture.js";

let server: OpenAIServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("multi-turn over the real openai SDK", () => {
  it("offers the tools, sends tool calls and tool answers back in the OpenAI shape, retries inside a turn", async () => {
    let toolTurnFailures = 0;
    server = await startOpenAIServer({
      handle: (request) => {
        const last = request.messages.at(-1)!;
        if (last.role === "user") {
          return {
            type: "tool-calls",
            calls: [
              { id: "a", name: FLOW_TOOL_NAMES.recentFlowsOfHost, arguments: { host: HOST, limit: 1 } },
              {
                id: "b",
                name: FLOW_TOOL_NAMES.flowsToResponder,
                arguments: { address: "1.2.3.4", port: 23 },
              },
            ],
          };
        }
        if (toolTurnFailures++ === 0) return { type: "status", status: 500 };
        return { type: "reply", content: '{"label": "Benign", "confidence": 0.6}' };
      },
    });
    const { datasetPath } = writeFlowIndexFixture();
    const env = await loadEnvironment({ datasetName: datasetPath, envMode: "multi-turn", split: "all" });
    const model = createOpenAIModel({ modelId: "loopback", baseURL: server.baseURL });
    const results: RolloutResult[] = [];
    for await (const result of env.evaluate({ model, sleep: async () => {} })) results.push(result);
    env.close();
    const [result] = results;
    expect(result!.error).toBeNull();
    expect(result!.attempts).toBe(3);
    expect(result!.token_usage).toEqual({ input_tokens: 200, output_tokens: 40 });
    const [first, , second] = server.requests.map((request) => request.body);
    expect((first!.tools as { type: string; function: { name: string } }[]).map((tool) => tool.type)).toEqual(
      ["function", "function"],
    );
    expect(second!.messages.slice(2)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "a",
            type: "function",
            function: { name: "recent_flows_of_host", arguments: JSON.stringify({ host: HOST, limit: 1 }) },
          },
          {
            id: "b",
            type: "function",
            function: {
              name: "flows_to_responder",
              arguments: JSON.stringify({ address: "1.2.3.4", port: 23 }),
            },
          },
        ],
      },
      { role: "tool", tool_call_id: "a", content: expect.stringMatching(/^1 earlier flow\(s\) from host/) },
      {
        role: "tool",
        tool_call_id: "b",
        content: expect.stringMatching(
          /^2 earlier flow\(s\) to 1\.2\.3\.4 port 23, newest first:\nts=300\.0+, .*\nts=100\./,
        ),
      },
    ]);
    expect(result!.tools).toMatchObject({ turns: 2, outcome: "answered", errors: 0 });
    expect(result!.parsed).toEqual({ label: "Benign", confidence: 0.6 });
  });

  it("still counts a tool call as a missing answer when no tools were offered (single-turn)", async () => {
    server = await startOpenAIServer({
      handle: () => ({ type: "tool-calls", calls: [{ name: "recent_flows_of_host", arguments: {} }] }),
    });
    const model = createOpenAIModel({ modelId: "loopback", baseURL: server.baseURL });
    await expect(model.doGenerate({ messages: [{ role: "user", content: "q" }] })).rejects.toThrow(
      /called a tool \(recent_flows_of_host\) instead of answering/,
    );
  });
});
