import { describe, expect, it } from "vitest";
import type { ContextBaselineReport } from "../baseline/score-context-baselines.js";
import { contextEffectLines } from "./context-effect.js";

const report = (overrides: Partial<ContextBaselineReport>): ContextBaselineReport => ({
  flows: 10,
  windowSeconds: 300,
  majority: [],
  heuristic: {},
  missing: [],
  ...overrides,
});

describe("contextEffectLines", () => {
  it("states the change from K = 0 to K per set, and n/a where a set has no rows", () => {
    const text = contextEffectLines(
      report({
        learnedWithoutContext: {
          "iot23-context test": { rows: 200, accuracy: 0.5, brier: 0.25 },
          "unsw-nb15-context": { rows: 0, accuracy: undefined, brier: undefined },
        },
        learnedWithContext: {
          "iot23-context test": { rows: 200, accuracy: 0.97, brier: 0.02 },
          "unsw-nb15-context": { rows: 0, accuracy: undefined, brier: undefined },
        },
      }),
    ).join("\n");
    expect(text).toContain(
      "iot23-context test: K = 0 50.0% → K = 10 97.0% (+47.0 points, 200 rows): context helps",
    );
    expect(text).toContain("unsw-nb15-context: n/a (0 rows)");
    expect(text).not.toContain("NaN");
  });

  it("says so when context hurts or changes nothing, and when one field already gives the label away", () => {
    const score = (accuracy: number) => ({ "iot23-context test": { rows: 10, accuracy, brier: 0.1 } });
    expect(
      contextEffectLines(
        report({ learnedWithoutContext: score(0.9), learnedWithContext: score(0.8) }),
      ).join(),
    ).toContain("(−10.0 points, 10 rows): context hurts");
    const same = contextEffectLines(
      report({
        learnedWithoutContext: score(0.9),
        learnedWithContext: score(0.9),
        audit: [{ field: "id.resp_p", accuracy: 0.99, values: 3, flagged: true }],
      }),
    ).join("\n");
    expect(same).toContain("no measurable effect");
    expect(same).toMatch(/one field of the flow alone already reaches ≥ 95% \(`id.resp_p`\)/);
  });

  it("is n/a without an IoT-23 context set", () => {
    expect(contextEffectLines(report({}))[0]).toMatch(/n\/a/);
  });
});
