import { describe, expect, it } from "vitest";
import { parseContextQuestion, renderContextQuestion } from "./context-question.js";
import { parseQuestion, renderQuestion } from "./render-question.js";

const earlier = { "id.orig_h": "10.0.0.5", "id.resp_h": "10.0.0.9", "id.resp_p": "23", proto: "tcp" };
const second = { "id.orig_h": "10.0.0.5", "id.resp_h": "10.0.0.7", "id.resp_p": "2323", proto: "tcp" };
const flow = { "id.orig_h": "10.0.0.5", "id.resp_h": "10.0.0.8", "id.resp_p": "80", proto: "tcp" };

describe("renderContextQuestion", () => {
  it("writes the header, the numbered earlier flows oldest first, then the flow to classify", () => {
    const text = renderContextQuestion({ context: [earlier, second], flow, windowSeconds: 300 });
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "Context: the 2 earlier flows from this originator in the 300 s before it (oldest first):",
    );
    expect(lines[1]).toBe(`1. ${renderQuestion(earlier).slice("Log Entry: ".length)}`);
    expect(lines[2]).toMatch(
      /^2\. id\.orig_h=10\.0\.0\.5, id\.orig_p=-, id\.resp_h=10\.0\.0\.7, id\.resp_p=2323/,
    );
    expect(lines[3]).toBe(renderQuestion(flow));
    expect(lines).toHaveLength(4);
  });

  it("says so when there is no earlier flow, and uses the singular for one", () => {
    expect(renderContextQuestion({ context: [], flow, windowSeconds: 60 }).split("\n")[0]).toBe(
      "Context: no earlier flows from this originator in the 60 s before it.",
    );
    expect(renderContextQuestion({ context: [earlier], flow, windowSeconds: 60 })).toMatch(
      /^Context: the 1 earlier flow from/,
    );
  });

  it("refuses a window that the text cannot show", () => {
    expect(() => renderContextQuestion({ context: [], flow, windowSeconds: 0.5 })).toThrow(RangeError);
  });
});

describe("parseContextQuestion", () => {
  it("reads back what renderContextQuestion wrote", () => {
    const text = renderContextQuestion({ context: [earlier, second], flow, windowSeconds: 300 });
    const parsed = parseContextQuestion(text)!;
    expect(parsed.windowSeconds).toBe(300);
    expect(parsed.context).toEqual([earlier, second]);
    expect(parsed.flow).toEqual(flow);
    expect(renderContextQuestion(parsed)).toBe(text);
  });

  it("is undefined for a single-flow question or a broken numbering", () => {
    expect(parseContextQuestion(renderQuestion(flow))).toBeUndefined();
    const text = renderContextQuestion({ context: [earlier, second], flow, windowSeconds: 300 });
    expect(parseContextQuestion(text.replace("\n2. ", "\n3. "))).toBeUndefined();
  });

  it("parseQuestion reads the flow to classify, not a context flow", () => {
    const text = renderContextQuestion({ context: [earlier], flow, windowSeconds: 300 });
    expect(parseQuestion(text)).toEqual(flow);
  });
});
