import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseContextQuestion, renderContextQuestion } from "./context-question.js";
import { CONTENT_FIELDS, type Flow } from "./flow.js";
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

describe("context questions never show a label (property)", () => {
  const LABEL_KEYS = [
    "label",
    "detailed-label",
    "det_label",
    "attack_family",
    "attack_cat",
    "tunnel_parents",
    "uid",
  ];
  const value = fc.oneof(
    fc.string({ maxLength: 12 }).filter((text) => !text.includes("LEAK")),
    fc.integer({ min: 0, max: 70_000 }),
    fc.constant(null),
  );
  const flowArbitrary = fc
    .tuple(
      fc.record(Object.fromEntries(CONTENT_FIELDS.map((field) => [field, value])), { requiredKeys: [] }),
      fc.subarray(LABEL_KEYS),
      fc.double({ min: 0, max: 2e9, noNaN: true }),
    )
    .map(([fields, labelKeys, ts]) => {
      const flow: Record<string, unknown> = { ...fields, ts };
      for (const key of labelKeys) flow[key] = `LEAK-${key}`;
      return flow as Flow;
    });

  it("shows no label-set key or value, nor ts, and reads back to the same text", () => {
    fc.assert(
      fc.property(
        fc.array(flowArbitrary, { maxLength: 12 }),
        flowArbitrary,
        fc.integer({ min: 1, max: 86_400 }),
        (context, flow, windowSeconds) => {
          const text = renderContextQuestion({ context, flow, windowSeconds });
          expect(text).not.toContain("LEAK");
          for (const key of [...LABEL_KEYS, "ts"])
            expect(text).not.toMatch(new RegExp(`(^|[ .:,])${key}=`, "m"));
          const parsed = parseContextQuestion(text)!;
          expect(parsed.context).toHaveLength(context.length);
          expect(parsed.windowSeconds).toBe(windowSeconds);
          expect(renderContextQuestion(parsed)).toBe(text);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});
