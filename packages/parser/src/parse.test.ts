import { timeRatio } from "@sv/test-utils";
import { describe, expect, it } from "vitest";
import { parse } from "./parse.js";

describe("parse", () => {
  it("reads a clean JSON reply", () => {
    expect(parse('{"label": "Malicious", "confidence": 0.9, "rationale": "scan"}')).toEqual({
      label: "Malicious",
      confidence: 0.9,
      rationale: "scan",
      formatValid: true,
      method: "json",
    });
  });

  it("uses the last chat message's content", () => {
    const parsed = parse([
      { role: "user", content: '{"label": "Benign", "confidence": 1}' },
      { role: "assistant", content: '{"label": "Malicious", "confidence": 0.2}' },
    ]);
    expect(parsed.label).toBe("Malicious");
    expect(parsed.confidence).toBe(0.2);
  });

  it.each([
    // Non-string contents go through Python's str(), as the original: outcomes checked against it.
    [
      [{ role: "assistant", content: [{ type: "text", text: '{"label": "Benign", "confidence": 0.5}' }] }],
      null,
    ],
    [[{ role: "assistant", content: ['{"label": "Benign", "confidence": 0.5}'] }], "Benign"],
    [[{ role: "assistant", content: { label: "Benign", confidence: 0.5 } }], null],
    [['{"label": "Malicious", "confidence": 0.9}'], "Malicious"],
    [[['{"label": "Malicious", "confidence": 0.9}']], "Malicious"],
    [[{ role: "assistant", content: 5 }], null],
    [{ label: "Benign", confidence: 0.5 }, null],
    [[{ role: "assistant", content: ["x", { a: '{"label": "Abstain", "confidence": 0.25}' }] }], null],
  ] as const)("reads non-string content as Python's str() would: %j → %j", (completion, label) => {
    expect(parse(completion).label).toBe(label);
  });

  it("tries the first fenced block before an embedded object", () => {
    const parsed = parse(
      'first {"label": "Benign", "confidence": 0.1}\n```json\n{"label": "Malicious", "confidence": 0.8}\n```',
    );
    expect(parsed).toMatchObject({ label: "Malicious", method: "fenced" });
  });

  it("falls back to the first balanced object when the fence holds no object", () => {
    const parsed = parse('```json\n[1, 2]\n``` then {"label": "Benign", "confidence": 0.4}');
    expect(parsed).toMatchObject({ label: "Benign", confidence: 0.4, method: "embedded" });
  });

  it("only tries the first balanced object, as the original", () => {
    expect(parse('<think>{scan}</think>{"label": "Malicious", "confidence": 0.9}').label).toBeNull();
  });

  it("ignores braces inside strings and escaped quotes", () => {
    const parsed = parse('note: {"label": "Malicious", "confidence": 0.9, "rationale": "a \\" } {"}');
    expect(parsed).toMatchObject({ label: "Malicious", rationale: 'a " } {', method: "embedded" });
  });

  it("keeps a BOM-prefixed reply out of the whole-text path but finds the object", () => {
    expect(parse('\uFEFF{"label": "Benign", "confidence": 0.6}')).toMatchObject({
      label: "Benign",
      method: "embedded",
    });
  });

  it.each([
    ['{"label": "malicious", "confidence": 0.9}', null, 0.9, false],
    ['{"label": "Malicious", "confidence": "0.9"}', "Malicious", 0.9, false],
    ['{"label": "Malicious", "confidence": " 1_0e-1 "}', "Malicious", 1, false],
    ['{"label": "Malicious", "confidence": "\u0660.\u0665"}', "Malicious", 0.5, false],
    ['{"label": "Malicious", "confidence": "nan"}', "Malicious", 0, false],
    ['{"label": "Malicious", "confidence": "1__0"}', "Malicious", 0, false],
    ['{"label": "Malicious", "confidence": true}', "Malicious", 0, false],
    ['{"label": "Malicious", "confidence": 1.5}', "Malicious", 0, false],
    ['{"label": "Malicious", "confidence": 1e400}', "Malicious", 0, false],
    ['{"label": "Malicious", "confidence": NaN}', null, 0, false],
    ['{"label": "Abstain", "confidence": 0}', "Abstain", 0, true],
    ["", null, 0, false],
  ] as const)("%j → label %j, confidence %j, format %j", (text, label, confidence, formatValid) => {
    const parsed = parse(text);
    expect(parsed.label).toBe(label);
    expect(parsed.confidence).toBeCloseTo(confidence, 12);
    expect(parsed.formatValid).toBe(formatValid);
  });

  it("never reads inherited properties", () => {
    expect(parse('{"confidence": 0.5}').label).toBeNull();
    expect(parse('{"__proto__": {"label": "Benign"}, "confidence": 0.5}').label).toBeNull();
  });

  it("treats missing, null and empty completions as no answer", () => {
    for (const completion of [undefined, null, [], [{ role: "assistant", content: null }], 42]) {
      expect(parse(completion)).toEqual({ label: null, confidence: 0, formatValid: false, method: "none" });
    }
  });

  it("parses a megabyte of adversarial text in linear time and without throwing", () => {
    // Growth, not speed (speed is `pnpm bench`): 4x the text takes < 8x the CPU time, busy machine or not.
    const nasty = (size: number) =>
      `${"{".repeat(3 * size)}${'"\\'.repeat(2 * size)}${"```".repeat(size / 2)}`;
    const balanced = (size: number) => `${"{".repeat(5 * size)}${"}".repeat(5 * size)}`;
    for (const build of [nasty, balanced]) {
      expect(parse(build(100_000)).label).toBeNull();
      const measured = timeRatio({
        build,
        run: (text) => parse(text),
        size: 10_000,
        batches: 5,
        minBatchMs: 10,
      });
      expect(measured.ratio).toBeLessThan(8);
    }
  });
});

describe("parse totality", () => {
  it("survives values whose toString throws or is not a function", () => {
    const hostile = { toString: false };
    const throwing = {
      toString() {
        throw new Error("boom");
      },
    };
    for (const value of [
      hostile,
      [hostile],
      [{ role: "assistant", content: throwing }],
      Object.create(null),
    ]) {
      expect(parse(value)).toMatchObject({ label: null, confidence: 0, formatValid: false });
    }
  });
});
