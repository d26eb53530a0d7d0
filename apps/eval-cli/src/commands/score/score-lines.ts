import { type Rubric, RubricError, type ScoreLine, toScoreLine } from "@sv/rubric";
import { describeValue } from "./describe-value.js";

export type { ScoreLine };

/** A line of the input that cannot be scored. */
export class ScoreInputError extends Error {
  readonly lineNumber: number;

  constructor(lineNumber: number, reason: string) {
    super(`line ${lineNumber}: ${reason}`);
    this.name = "ScoreInputError";
    this.lineNumber = lineNumber;
  }
}

/** Score one input line (`{"completion", "answer"}`); throws {@link ScoreInputError} naming the line. */
export function scoreLine(rubric: Rubric, text: string, lineNumber: number): ScoreLine {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    const reason = text.startsWith("\uFEFF")
      ? "starts with a UTF-8 byte-order mark (U+FEFF) in the middle of the input (were files concatenated?)"
      : `not valid JSON (${(error as Error).message})`;
    throw new ScoreInputError(lineNumber, reason);
  }
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    throw new ScoreInputError(lineNumber, "expected a JSON object with `completion` and `answer`");
  }
  const { completion, answer } = record as { completion?: unknown; answer?: unknown };
  if (typeof completion !== "string" && !Array.isArray(completion)) {
    throw new ScoreInputError(
      lineNumber,
      `\`completion\` must be a string or a list of chat messages, got ${describeValue(completion)}`,
    );
  }
  if (typeof answer !== "string" && typeof answer !== "number" && typeof answer !== "boolean") {
    throw new ScoreInputError(
      lineNumber,
      `\`answer\` must be "Malicious", "Benign", 0 or 1, got ${describeValue(answer)}`,
    );
  }
  try {
    return toScoreLine(rubric.score({ completion, answer }));
  } catch (error) {
    if (RubricError.isInstance(error)) throw new ScoreInputError(lineNumber, error.message);
    throw error;
  }
}
