import { describe, expect, it } from "vitest";
import type { ModelCallError } from "./model-call-error.js";
import { readChatReply } from "./read-chat-reply.js";

const reply = (message: Record<string, unknown>) => ({
  choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: "tool_calls" }],
  usage: { prompt_tokens: 3, completion_tokens: 2 },
});

describe("readChatReply with tools offered", () => {
  it("returns the tool calls, with an id made up where the server sent none", () => {
    const result = readChatReply(
      reply({
        content: null,
        tool_calls: [
          { id: "x", type: "function", function: { name: "a", arguments: '{"host":"1.1.1.1"}' } },
          { type: "function", function: { name: "b", arguments: { port: 23 } } },
        ],
      }),
      { acceptToolCalls: true },
    );
    expect(result.text).toBe("");
    expect(result.toolCalls).toEqual([
      { id: "x", name: "a", arguments: '{"host":"1.1.1.1"}' },
      { id: "call_1", name: "b", arguments: '{"port":23}' },
    ]);
    expect(result.usage).toEqual({ inputTokens: 3, outputTokens: 2 });
  });

  it("calls a tool call without a function name a bad response, and a tool call without tools no answer", () => {
    expect(() =>
      readChatReply(reply({ content: null, tool_calls: [{ id: "x", function: {} }] }), {
        acceptToolCalls: true,
      }),
    ).toThrow(/tool call 0 has no function name/);
    expect(() =>
      readChatReply(reply({ content: "", tool_calls: [{ id: "x", function: { name: "a" } }] })),
    ).toThrow(/called a tool \(a\) instead of answering/);
  });

  it("keeps the billed tokens of a reply that is still a failure (no content, no choice)", () => {
    const usage = { prompt_tokens: 900, completion_tokens: 256 };
    const caught = (response: unknown) => {
      try {
        readChatReply(response);
      } catch (error) {
        return error as ModelCallError;
      }
      throw new Error("no error");
    };
    const truncated = caught({ choices: [{ message: { content: null }, finish_reason: "length" }], usage });
    expect(truncated).toMatchObject({ kind: "no_content", usage: { inputTokens: 900, outputTokens: 256 } });
    expect(caught({ choices: [], usage })).toMatchObject({ kind: "no_choice", usage: { inputTokens: 900 } });
  });
});
