import { describe, expect, it } from "vitest";
import { describeDistribution } from "./distribution.js";

describe("describeDistribution", () => {
  it("bins every value, starting near the smallest, with round widths", () => {
    const values = Array.from({ length: 1000 }, (_, index) => 180 + (index % 60));
    const distribution = describeDistribution({ values });
    expect(distribution.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(distribution.start).toBeLessThanOrEqual(180);
    expect(distribution.start + distribution.binWidth).toBeGreaterThan(180);
    expect([1, 2, 2.5, 5]).toContain(
      distribution.binWidth / 10 ** Math.floor(Math.log10(distribution.binWidth)),
    );
    expect(distribution.p50).toBe(209);
    expect(distribution.max).toBe(239);
  });

  it("puts outliers above the 99th percentile in the last bin", () => {
    const values = [...Array.from({ length: 999 }, () => 100), 1e6];
    const distribution = describeDistribution({ values });
    expect(distribution.counts.at(-1)).toBeGreaterThanOrEqual(1);
    expect(distribution.start + distribution.binWidth * distribution.counts.length).toBeLessThan(1e6);
  });

  it("handles no values", () => {
    expect(describeDistribution({ values: [] })).toMatchObject({ count: 0, mean: 0, max: 0 });
  });
});
