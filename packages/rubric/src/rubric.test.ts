import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS } from "./config.js";
import { createRubric } from "./rubric.js";
import { RubricError } from "./rubric-error.js";

const completion = fc.oneof(
  fc.string(),
  fc
    .record({
      label: fc.oneof(fc.constantFrom("Benign", "Malicious", "Abstain", "benign"), fc.anything()),
      confidence: fc.oneof(fc.double(), fc.anything()),
    })
    .map((object) => JSON.stringify(object) ?? ""),
);
const answer = fc.constantFrom("Malicious", "Benign", "malicious", "BENIGN", 0, 1, true, false);

describe("createRubric", () => {
  it("keeps every reward in range and the total equal to the weighted sum", () => {
    const rubric = createRubric();
    fc.assert(
      fc.property(completion, answer, (text, gold) => {
        const { rewards, reward } = rubric.score({ completion: text, answer: gold });
        expect([0, 1]).toContain(rewards.accuracy);
        expect([0, 1]).toContain(rewards.format);
        expect(rewards.calibration).toBeGreaterThanOrEqual(0);
        expect(rewards.calibration).toBeLessThanOrEqual(1);
        expect([-1, 0, 1]).toContain(rewards.asymmetric_cost);
        const expected =
          DEFAULT_WEIGHTS.accuracy * rewards.accuracy +
          DEFAULT_WEIGHTS.format * rewards.format +
          DEFAULT_WEIGHTS.calibration * rewards.calibration +
          DEFAULT_WEIGHTS.asymmetric_cost * rewards.asymmetric_cost;
        expect(reward).toBeCloseTo(expected, 12);
        expect(reward).toBeGreaterThanOrEqual(-0.5);
        expect(reward).toBeLessThanOrEqual(1.8);
      }),
      { numRuns: 3000 },
    );
  });

  it("applies configured costs and weights", () => {
    const rubric = createRubric({
      costs: { missedAttack: -5, falseAlarm: -1, abstain: -0.25 },
      weights: { format: 0 },
    });
    const score = (label: string, gold: string) =>
      rubric.score({ completion: JSON.stringify({ label, confidence: 1 }), answer: gold }).rewards
        .asymmetric_cost;
    expect(score("Benign", "Malicious")).toBe(-5);
    expect(score("Malicious", "Benign")).toBe(-1);
    expect(score("Abstain", "Benign")).toBe(-0.25);
    expect(score("Benign", "Benign")).toBe(1);
    expect(
      rubric.score({ completion: '{"label": "Benign", "confidence": 1}', answer: "Benign" }).reward,
    ).toBeCloseTo(1 + 0.2 + 0.5);
  });

  it("charges costs.toolCall once per tool call, and nothing by default", () => {
    const completion = '{"label": "Malicious", "confidence": 0.9}';
    const free = createRubric().score({ completion, answer: "Malicious", toolCalls: 3 });
    const plain = createRubric().score({ completion, answer: "Malicious" });
    expect(free.reward).toBe(plain.reward);
    expect(free.toolCost).toBe(0);
    const charged = createRubric({ costs: { toolCall: -0.05 } }).score({
      completion,
      answer: "Malicious",
      toolCalls: 3,
    });
    expect(charged.toolCost).toBeCloseTo(-0.15);
    expect(charged.reward).toBeCloseTo(plain.reward - 0.15);
    expect(charged.rewards).toEqual(plain.rewards);
    expect(() => createRubric().score({ completion, answer: "Benign", toolCalls: -1 })).toThrow(/toolCalls/);
  });

  it.each([
    [{ costs: { toolCall: 0.1 } }, /toolCall/],
    [{ weights: { accuracy: -1 } }, /weights/],
    [{ weights: { accuracy: 0, format: 0, calibration: 0, asymmetric_cost: 0 } }, /at least one weight/],
    [{ costs: { missedAttack: 2 } }, /missedAttack/],
    [{ costs: { abstain: Number.NaN } }, /costs/],
    [{ costs: { bogus: 1 } as never }, /bogus/],
  ])("rejects nonsense configuration %j", (options, message) => {
    expect(() => createRubric(options)).toThrow(message);
    try {
      createRubric(options);
    } catch (error) {
      expect(RubricError.isInstance(error)).toBe(true);
      expect((error as RubricError).code).toBe("RUBRIC_INVALID_CONFIG");
    }
  });

  it("rejects gold answers that are not labels", () => {
    const rubric = createRubric();
    for (const gold of ["Abstain", "", "attack", 2, null]) {
      expect(() => rubric.score({ completion: "{}", answer: gold as never })).toThrow(/Invalid gold answer/);
    }
  });
});
