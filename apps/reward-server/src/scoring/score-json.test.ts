import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRubric, type ScoreLine, toScoreLine } from "@sv/rubric";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "../../../../vitest.shared.js";
import { getRewardResponseJson, jsonNumber, scoreLineJson, scoreResponseJson } from "./score-json.js";

const number = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1, 0.1, 1e21, 1e-7, 5e-324, Number.NaN, Number.POSITIVE_INFINITY, -1e300),
  fc.integer(),
);
const line: fc.Arbitrary<ScoreLine> = fc.record({
  label: fc.oneof(fc.constantFrom(null, "Malicious", "Benign", "Abstain"), fc.string({ unit: "grapheme" })),
  confidence: number,
  rewards: fc.record({ accuracy: number, format: number, calibration: number, asymmetric_cost: number }),
  reward: number,
});

function parityLines(): ScoreLine[] {
  const rubric = createRubric();
  return readFileSync(join(fixturesDir, "parity", "e1-rewards.jsonl"), "utf8")
    .split("\n")
    .filter((text) => text.trim() !== "")
    .map((text) => {
      const { completion, answer } = JSON.parse(text) as { completion: unknown; answer: string };
      return toScoreLine(rubric.score({ completion, answer }));
    });
}

describe("hand-written response JSON", () => {
  it("writes each number as JSON.stringify does", () => {
    fc.assert(
      fc.property(number, (value) => {
        expect(jsonNumber(value)).toBe(JSON.stringify(value));
      }),
    );
  });

  it("writes a score line byte for byte as JSON.stringify (eval score's line)", () => {
    for (const scored of parityLines()) expect(scoreLineJson(scored)).toBe(JSON.stringify(scored));
    fc.assert(
      fc.property(line, (value) => {
        expect(scoreLineJson(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes the /v1/score and /get_reward bodies as JSON.stringify does, empty batches included", () => {
    const asGetReward = (lines: ScoreLine[]) => {
      const accuracy = lines.map((value) => value.rewards.accuracy);
      return {
        rewards: lines.map((value) => value.reward),
        scores: accuracy,
        extra_logs: {
          accuracy,
          format: lines.map((value) => value.rewards.format),
          calibration: lines.map((value) => value.rewards.calibration),
          asymmetric_cost: lines.map((value) => value.rewards.asymmetric_cost),
        },
      };
    };
    const parity = parityLines();
    expect(scoreResponseJson(parity)).toBe(JSON.stringify({ results: parity }));
    expect(getRewardResponseJson(parity)).toBe(JSON.stringify(asGetReward(parity)));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), (lines) => {
        expect(scoreResponseJson(lines)).toBe(JSON.stringify({ results: lines }));
        expect(getRewardResponseJson(lines)).toBe(JSON.stringify(asGetReward(lines)));
      }),
    );
  });
});
