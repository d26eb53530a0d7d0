import { RUBRIC_ERROR_CODES, RubricError } from "./rubric-error.js";

/** The ground truth of an example. */
export type GoldLabel = "Malicious" | "Benign";

/** What datasets store as the answer: a label in any case, or a Hub ClassLabel (1 = Malicious). */
export type GoldAnswer = string | number | boolean;

/** Normalise a gold answer, or `undefined` when it is not one. */
export function safeNormalizeGoldAnswer(answer: unknown): GoldLabel | undefined {
  if (typeof answer === "string") {
    const lower = answer.toLowerCase();
    if (lower === "malicious") return "Malicious";
    if (lower === "benign") return "Benign";
    return undefined;
  }
  if (answer === 1 || answer === true) return "Malicious";
  if (answer === 0 || answer === false) return "Benign";
  return undefined;
}

/** Normalise a gold answer; throws {@link RubricError} for anything but Malicious/Benign/0/1/boolean. */
export function normalizeGoldAnswer(answer: unknown): GoldLabel {
  const label = safeNormalizeGoldAnswer(answer);
  if (label === undefined) {
    throw new RubricError({
      code: RUBRIC_ERROR_CODES.invalidAnswer,
      message: `Invalid gold answer ${JSON.stringify(answer)}: expected "Malicious", "Benign" (any case), 0, 1 or a boolean`,
    });
  }
  return label;
}
