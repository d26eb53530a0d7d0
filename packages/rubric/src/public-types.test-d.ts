import type { ParsedAnswer } from "@sv/parser";
import { describe, expectTypeOf, it } from "vitest";
import {
  createRubric,
  type RewardVector,
  type RunMetricName,
  type RunMetrics,
  type ScoredCompletion,
} from "./index.js";

describe("public types", () => {
  it("score returns the contract shape", () => {
    const rubric = createRubric();
    expectTypeOf(rubric.score).returns.toEqualTypeOf<ScoredCompletion>();
    expectTypeOf<ScoredCompletion["label"]>().toEqualTypeOf<"Benign" | "Malicious" | "Abstain" | null>();
    expectTypeOf<keyof RewardVector>().toEqualTypeOf<
      "accuracy" | "format" | "calibration" | "asymmetric_cost"
    >();
    expectTypeOf<ScoredCompletion["parsed"]>().toEqualTypeOf<ParsedAnswer>();
  });

  it("options are partial overrides", () => {
    expectTypeOf(createRubric).toBeCallableWith({ weights: { format: 0.2 } });
    expectTypeOf(createRubric).toBeCallableWith({ costs: { missedAttack: -2 } });
    // @ts-expect-error: weights are numbers
    createRubric({ weights: { format: "high" } });
  });

  it("run metrics mark undefined rates as null, by dotted name", () => {
    expectTypeOf<RunMetrics["detection"]["tpr"]>().toEqualTypeOf<number | null>();
    expectTypeOf<RunMetrics["abstention"]["aurc"]>().toEqualTypeOf<number | null>();
    expectTypeOf<RunMetrics["confusion_matrix"]["tp"]>().toEqualTypeOf<number>();
    expectTypeOf<RunMetrics["undefined"]>().toEqualTypeOf<RunMetricName[]>();
    expectTypeOf<"detection.tpr">().toExtend<RunMetricName>();
  });
});
