import { describe, expect, it } from "vitest";
import { createRubric } from "./rubric.js";
import { toScoreLine } from "./score-line.js";

describe("toScoreLine", () => {
  it("keeps exactly the contract's keys, in the contract's order", () => {
    const scored = createRubric().score({
      completion: '{"label": "Benign", "confidence": 0.8}',
      answer: "Malicious",
    });
    const line = toScoreLine(scored);
    expect(Object.keys(line)).toEqual(["label", "confidence", "rewards", "reward"]);
    expect(Object.keys(line.rewards)).toEqual(["accuracy", "format", "calibration", "asymmetric_cost"]);
    expect(JSON.stringify(line)).toBe(
      `{"label":"Benign","confidence":0.8,"rewards":{"accuracy":0,"format":1,"calibration":${scored.rewards.calibration},"asymmetric_cost":-1},"reward":${scored.reward}}`,
    );
  });
});
