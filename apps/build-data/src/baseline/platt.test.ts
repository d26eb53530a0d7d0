import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitPlatt } from "./platt.js";

const point = fc.record({
  logit: fc.double({ min: -60, max: 60, noNaN: true }),
  target: fc.constantFrom(0, 1),
});

/** Standard deviation and the mean logit of positives minus negatives. */
function describeData(logits: readonly number[], targets: readonly number[]) {
  const mean = logits.reduce((sum, logit) => sum + logit, 0) / logits.length;
  const deviation = Math.sqrt(logits.reduce((sum, logit) => sum + (logit - mean) ** 2, 0) / logits.length);
  const meanOf = (label: number) => {
    const values = logits.filter((_, index) => targets[index] === label);
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  return { deviation, separation: meanOf(1) - meanOf(0) };
}

const predict = (fit: { a: number; b: number }, logit: number) =>
  1 / (1 + Math.exp(-(fit.a * logit + fit.b)));

describe("fitPlatt", () => {
  it("keeps a finite, moderate slope on separable data (Newton without a prior diverges here)", () => {
    // Dev logits of a near-perfect model: two tight clusters far apart, one point near the border.
    const logits = [...Array.from({ length: 60 }, (_, index) => 8 + (index % 7) * 0.01), 0.2];
    logits.push(...Array.from({ length: 60 }, (_, index) => -9 - (index % 5) * 0.01), -0.1);
    const targets = [...new Array(61).fill(1), ...new Array(61).fill(0)];
    const fit = fitPlatt({ logits, targets });
    expect(fit.converged).toBe(true);
    expect(fit.a).toBeGreaterThan(0);
    expect(Math.abs(fit.a)).toBeLessThan(10);
    // Platt's smoothed targets: confident, never 0 or 1.
    expect(predict(fit, 8)).toBeGreaterThan(0.9);
    expect(predict(fit, 8)).toBeLessThan(0.9999);
    expect(predict(fit, -9)).toBeLessThan(0.1);
  });

  it("follows an inverted ordering with a negative slope", () => {
    const logits = [-3, -2, -1.5, -1, 1, 1.5, 2, 3];
    const fit = fitPlatt({ logits, targets: [1, 1, 1, 1, 0, 0, 0, 0] });
    expect(fit.a).toBeLessThan(0);
    expect(predict(fit, -3)).toBeGreaterThan(0.5);
  });

  it("says when the data cannot support a slope", () => {
    expect(fitPlatt({ logits: [1, 2], targets: [1, 1] })).toMatchObject({ a: 1, b: 0 });
    expect(fitPlatt({ logits: [1, 2], targets: [1, 1] }).note).toMatch(/2 malicious and 0 benign/);
    const constant = fitPlatt({ logits: [2, 2, 2, 2], targets: [1, 0, 0, 0] });
    expect(constant.a).toBe(0);
    expect(constant.note).toMatch(/constant logits/);
    // Every prediction is the smoothed base rate, (1+1)/(1+2) vs 1/(3+2) blended: strictly inside (0, 1).
    expect(predict(constant, 2)).toBeGreaterThan(0.2);
    expect(predict(constant, 2)).toBeLessThan(0.5);
  });

  it("property: finite, converged, bounded (|slope|·sd ≤ n/l2), slope sign = the data's ordering", () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 80 }), (points) => {
        const logits = points.map((entry) => entry.logit);
        const targets = points.map((entry) => entry.target);
        const fit = fitPlatt({ logits, targets });
        expect(Number.isFinite(fit.a) && Number.isFinite(fit.b)).toBe(true);
        const positives = targets.filter((target) => target === 1).length;
        if (positives === 0 || positives === targets.length) return;
        expect(fit.converged).toBe(true);
        const { deviation, separation } = describeData(logits, targets);
        expect(Math.abs(fit.a) * deviation).toBeLessThanOrEqual(points.length + 1e-9);
        if (deviation > 1e-9 && Math.abs(separation) > 1e-6 * deviation)
          expect(Math.sign(fit.a)).toBe(Math.sign(separation));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("property: never worse than the constant base-rate fit on its own data", () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 4, maxLength: 60 }), (points) => {
        const logits = points.map((entry) => entry.logit);
        const targets = points.map((entry) => entry.target);
        const positives = targets.filter((target) => target === 1).length;
        if (positives === 0 || positives === targets.length) return;
        const fit = fitPlatt({ logits, targets, l2: 1e-9 });
        const constant = fitPlatt({ logits: logits.map(() => 0), targets, l2: 1e-9 });
        expect(fit.logLoss).toBeLessThanOrEqual(constant.logLoss + 1e-6);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
