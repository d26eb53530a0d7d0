import { describe, expect, it } from "vitest";
import { transcriptText } from "./transcript-text.js";

const call = (id: string, name: string, args: string) => ({
  id,
  type: "function",
  function: { name, arguments: args },
});

describe("transcriptText", () => {
  it("shows the final answer first, then each tool call and answer in order", () => {
    const completion = [
      {
        role: "assistant",
        content: null,
        tool_calls: [call("a", "recent_flows_of_host", '{"host":"10.0.0.1"}')],
      },
      {
        role: "tool",
        tool_call_id: "a",
        content: "1 earlier flow(s) from host 10.0.0.1, newest first:\nts=1.000000",
      },
      { role: "assistant", content: '{"label": "Benign", "confidence": 0.7}' },
    ];
    expect(transcriptText(completion)).toBe(
      [
        '[final answer] {"label": "Benign", "confidence": 0.7}',
        '[assistant \u2192 recent_flows_of_host({"host":"10.0.0.1"})]',
        "[tool a] 1 earlier flow(s) from host 10.0.0.1, newest first:\nts=1.000000",
        '[assistant] {"label": "Benign", "confidence": 0.7}',
      ].join("\n"),
    );
  });

  it("says when the turn budget ran out, and leaves completions without tools alone", () => {
    const exhausted = [
      { role: "assistant", content: null, tool_calls: [call("a", "x", "{}")] },
      { role: "tool", tool_call_id: "a", content: "error: unknown tool" },
    ];
    expect(transcriptText(exhausted)?.split("\n")[0]).toBe(
      "[final answer] none (turn budget spent on tool calls)",
    );
    expect(transcriptText("plain")).toBeUndefined();
    expect(transcriptText([{ role: "assistant", content: "x" }])).toBeUndefined();
  });
});
