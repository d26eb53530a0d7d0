import { describe, expect, it } from "vitest";
import { describeValue } from "./describe-value.js";

describe("describeValue", () => {
  it("previews scalars, lists and objects in JSON", () => {
    expect(describeValue(5)).toBe("5");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue({ a: [1, "x"] })).toBe('{"a":[1,"x"]}');
  });

  it("bounds depth and length, so a deeply nested value cannot overflow the stack", () => {
    let deep: unknown = 1;
    for (let level = 0; level < 200_000; level++) deep = { a: deep };
    expect(describeValue(deep)).toBe('{"a":{"a":{"a":{...}}}}');
    const wide = Array.from({ length: 100_000 }, (_, index) => index);
    const text = describeValue(wide);
    expect(text.length).toBeLessThanOrEqual(60);
    expect(text.endsWith("...")).toBe(true);
  });
});
