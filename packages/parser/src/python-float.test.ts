import { describe, expect, it } from "vitest";
import { parsePythonFloat } from "./python-float.js";

describe("parsePythonFloat (Python's float(str))", () => {
  it.each([
    ["0.9", 0.9],
    ["  .5\n", 0.5],
    ["1.", 1],
    ["+1e-1", 0.1],
    ["1_000.5", 1000.5],
    ["\u00a00.25\u3000", 0.25],
    ["\u0967", 1],
    ["\u{1D7CF}", 1],
    ["-0", -0],
  ])("%j → %d", (text, value) => {
    expect(parsePythonFloat(text)).toBe(value);
  });

  it.each(["", " ", "0x1", "1__0", "_1", "1_", "1_.5", "1e", "e1", "0.9a", "١٫٥", "\uFEFF0.5", "1,5"])(
    "%j is a ValueError",
    (text) => {
      expect(parsePythonFloat(text)).toBeUndefined();
    },
  );

  it("accepts infinities and NaN in any case", () => {
    expect(parsePythonFloat("-Infinity")).toBe(Number.NEGATIVE_INFINITY);
    expect(parsePythonFloat("INF")).toBe(Number.POSITIVE_INFINITY);
    expect(parsePythonFloat("nAn")).toBeNaN();
  });
});

describe("parsePythonFloat whitespace", () => {
  it("strips only C whitespace among ASCII characters, as Python's float() does", () => {
    expect(parsePythonFloat("\x1c0.5\x1f")).toBeUndefined();
    expect(parsePythonFloat("\v\f0.5\r")).toBe(0.5);
    expect(parsePythonFloat("\u20050.5\u2028")).toBe(0.5);
  });
});
