import { describe, expect, it } from "vitest";
import { passAtK } from "./pass-at-k.js";

/** The estimator from its definition, with exact binomials. */
function reference(n: number, c: number, k: number): number {
  const choose = (a: number, b: number): number => {
    if (b < 0 || b > a) return 0;
    let result = 1;
    for (let i = 1; i <= b; i++) result = (result * (a - b + i)) / i;
    return result;
  };
  return 1 - choose(n - c, k) / choose(n, k);
}

describe("passAtK", () => {
  it("is 1 - C(n-c,k)/C(n,k) (Chen et al. 2021)", () => {
    for (const [n, c, k] of [
      [5, 0, 1],
      [5, 1, 1],
      [5, 2, 3],
      [10, 3, 5],
      [3, 3, 3],
      [4, 1, 4],
    ] as const) {
      expect(passAtK(n, c, k)).toBeCloseTo(reference(n, c, k), 12);
    }
    expect(passAtK(5, 2, 1)).toBeCloseTo(0.4, 12);
    expect(passAtK(5, 0, 5)).toBe(0);
    expect(passAtK(5, 4, 2)).toBe(1);
  });

  it("is undefined (NaN) for k > n or impossible counts", () => {
    expect(passAtK(2, 1, 3)).toBeNaN();
    expect(passAtK(2, 3, 1)).toBeNaN();
    expect(passAtK(2, 1, 0)).toBeNaN();
  });
});
