import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.js";

describe("backoffDelay", () => {
  it("grows exponentially with jitter in [half, full] and is capped", () => {
    expect(backoffDelay(1, () => 0, undefined, { baseDelayMs: 100 })).toBe(50);
    expect(backoffDelay(1, () => 1, undefined, { baseDelayMs: 100 })).toBe(100);
    expect(backoffDelay(3, () => 1, undefined, { baseDelayMs: 100 })).toBe(400);
    expect(backoffDelay(30, () => 1, undefined, { baseDelayMs: 100, maxDelayMs: 1000 })).toBe(1000);
  });

  it("never waits less than Retry-After, up to its cap", () => {
    expect(backoffDelay(1, () => 0, 2000, { baseDelayMs: 100 })).toBe(2000);
    expect(backoffDelay(1, () => 0, 10 ** 9, { baseDelayMs: 100, maxRetryAfterMs: 5000 })).toBe(5000);
  });
});
