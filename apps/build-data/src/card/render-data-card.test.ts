import { describe, expect, it } from "vitest";
import { evaluateBaseline } from "../baseline/evaluate-baseline.js";
import { majorityScores } from "../baseline/majority-class.js";
import { renderDataCard } from "./render-data-card.js";

describe("renderDataCard baselines", () => {
  it("shows n/a for scores on zero rows, never 0%, and names the majority answer", () => {
    const empty = evaluateBaseline({ rows: [], predict: () => ({ label: "Benign", probability: 0 }) });
    expect(empty).toEqual({ rows: 0, accuracy: undefined, brier: undefined });
    const card = renderDataCard({
      seed: 1,
      mode: "full",
      buildId: "0123456789abcdef",
      datasets: [],
      learned: { modelFile: "baseline-learned-v1.json", scores: { "iot23 test": empty } },
      majority: majorityScores({ set: "iot23", rows: [], splits: ["test"] }),
    });
    expect(card).toContain("Build id `0123456789abcdef`.");
    expect(card).toContain("| majority class | iot23 test (0 rows) | n/a | — |");
    expect(card).toContain(
      "| baseline/learned (`baseline-learned-v1.json`) | iot23 test (0 rows) | n/a | n/a |",
    );
  });
});
