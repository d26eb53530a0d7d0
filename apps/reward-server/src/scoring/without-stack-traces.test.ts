import { describe, expect, it } from "vitest";
import { withoutStackTraces } from "./without-stack-traces.js";

describe("withoutStackTraces", () => {
  it("captures no stack frames inside and restores the limit after, also when the work throws", () => {
    const before = Error.stackTraceLimit;
    const stack = withoutStackTraces(() => new Error("inside").stack ?? "");
    expect(stack).not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(before);
    expect(() =>
      withoutStackTraces(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error("outside").stack).toMatch(/\n\s+at /);
  });
});
