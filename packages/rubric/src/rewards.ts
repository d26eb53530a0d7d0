import type { ParsedAnswer } from "@sv/parser";
import { DEFAULT_COSTS, type RubricCosts } from "./config.js";
import type { GoldLabel } from "./gold-answer.js";

/** 1 when the label equals the gold answer, else 0. Abstain is never correct. */
export function accuracyReward(parsed: ParsedAnswer, gold: GoldLabel): number {
  return parsed.label === gold ? 1 : 0;
}

/** 1 for an allowed label with a numeric confidence in [0, 1], else 0. */
export function formatReward(parsed: ParsedAnswer): number {
  return parsed.formatValid ? 1 : 0;
}

/** 1 − |confidence − correct| for a labelled reply; 0 without a label. */
export function calibrationReward(parsed: ParsedAnswer, gold: GoldLabel): number {
  if (parsed.label === null) return 0;
  const correct = parsed.label === gold ? 1 : 0;
  return 1 - Math.abs(parsed.confidence - correct);
}

/** Correct, missed attack, false alarm or abstain, each at its configured value; 0 without a label. */
export function asymmetricCostReward(
  parsed: ParsedAnswer,
  gold: GoldLabel,
  costs: RubricCosts = DEFAULT_COSTS,
): number {
  if (parsed.label === null) return 0;
  if (parsed.label === gold) return costs.correct;
  if (parsed.label === "Abstain") return costs.abstain;
  return parsed.label === "Benign" ? costs.missedAttack : costs.falseAlarm;
}
