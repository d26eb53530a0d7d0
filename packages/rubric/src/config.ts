import { z } from "zod";
import { RUBRIC_ERROR_CODES, RubricError } from "./rubric-error.js";

/** The four rewards, named as the original's reward functions and the output contracts name them. */
export const REWARD_NAMES = ["accuracy", "format", "calibration", "asymmetric_cost"] as const;
export type RewardName = (typeof REWARD_NAMES)[number];

/** One number per reward. */
export type RewardVector = Record<RewardName, number>;

const finite = z.number().finite();

/** Weights of the four rewards in the total. */
export const weightsSchema = z
  .object({
    accuracy: finite.min(0),
    format: finite.min(0),
    calibration: finite.min(0),
    asymmetric_cost: finite.min(0),
  })
  .strict()
  .refine((weights) => Object.values(weights).some((weight) => weight > 0), {
    message: "at least one weight must be positive",
  });

export type RubricWeights = z.infer<typeof weightsSchema>;

/**
 * The asymmetric-cost reward's values. A missed attack (Benign on a malicious flow) should cost at
 * least as much as a false alarm, and nothing should pay more than a correct answer.
 */
export const costsSchema = z
  .object({
    correct: finite,
    missedAttack: finite,
    falseAlarm: finite,
    abstain: finite,
    /** Added to the weighted total once per tool call of a multi-turn rollout (a charge: 0 or less). */
    toolCall: finite.max(0, { message: "toolCall is a charge per tool call: 0 or less" }),
  })
  .strict()
  .refine((costs) => costs.missedAttack <= costs.falseAlarm, {
    message: "missedAttack must not be rewarded more than falseAlarm (a missed attack is the worse error)",
    path: ["missedAttack"],
  })
  .refine((costs) => Math.max(costs.missedAttack, costs.falseAlarm, costs.abstain) <= costs.correct, {
    message: "no outcome may be rewarded more than a correct answer",
    path: ["correct"],
  });

export type RubricCosts = z.infer<typeof costsSchema>;

/** The original's weights: 1.0 accuracy, 0.1 format, 0.2 calibration, 0.5 asymmetric cost. */
export const DEFAULT_WEIGHTS: Readonly<RubricWeights> = Object.freeze({
  accuracy: 1.0,
  format: 0.1,
  calibration: 0.2,
  asymmetric_cost: 0.5,
});

/** The original's costs: correct +1, missed attack −1, false alarm 0, abstain 0; tool calls free. */
export const DEFAULT_COSTS: Readonly<RubricCosts> = Object.freeze({
  correct: 1,
  missedAttack: -1,
  falseAlarm: 0,
  abstain: 0,
  toolCall: 0,
});

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new RubricError({
      code: RUBRIC_ERROR_CODES.invalidConfig,
      message: `Invalid rubric ${what}: ${z.prettifyError(result.error)}`,
      cause: result.error,
    });
  }
  return result.data;
}

/** Defaults merged with overrides, validated. */
export function resolveWeights(overrides: Partial<RubricWeights> = {}): RubricWeights {
  return parseOrThrow(weightsSchema, { ...DEFAULT_WEIGHTS, ...overrides }, "weights");
}

/** Defaults merged with overrides, validated. */
export function resolveCosts(overrides: Partial<RubricCosts> = {}): RubricCosts {
  return parseOrThrow(costsSchema, { ...DEFAULT_COSTS, ...overrides }, "costs");
}
