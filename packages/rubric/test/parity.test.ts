import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "../../../vitest.shared.js";
import { createRubric } from "../src/index.js";

interface ParityVector {
  id: number;
  completion: unknown;
  answer: string | number;
  expected: {
    label: string;
    confidence: number;
    accuracy: number;
    format: number;
    calibration: number;
    asymmetric_cost: number;
    total: number;
  };
}

const vectors: ParityVector[] = readFileSync(join(fixturesDir, "parity", "e1-rewards.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line));

describe("parity with the Python original", () => {
  const rubric = createRubric();

  it("has the parity vectors", () => {
    expect(vectors.length).toBeGreaterThan(200);
  });

  it.each(vectors.map((vector) => [vector.id, vector] as const))("vector %i", (_id, vector) => {
    const scored = rubric.score({ completion: vector.completion, answer: vector.answer });
    const { expected } = vector;
    expect(scored.label ?? "").toBe(expected.label);
    expect(scored.confidence).toBeCloseTo(expected.confidence, 9);
    expect(scored.rewards.accuracy).toBeCloseTo(expected.accuracy, 9);
    expect(scored.rewards.format).toBeCloseTo(expected.format, 9);
    expect(scored.rewards.calibration).toBeCloseTo(expected.calibration, 9);
    expect(scored.rewards.asymmetric_cost).toBeCloseTo(expected.asymmetric_cost, 9);
    expect(scored.reward).toBeCloseTo(expected.total, 9);
  });
});
