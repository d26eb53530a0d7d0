import { SvError } from "@sv/parser";

/** Codes of {@link RubricError}. */
export const RUBRIC_ERROR_CODES = {
  invalidConfig: "RUBRIC_INVALID_CONFIG",
  invalidAnswer: "RUBRIC_INVALID_ANSWER",
} as const;

export type RubricErrorCode = (typeof RUBRIC_ERROR_CODES)[keyof typeof RUBRIC_ERROR_CODES];

/** A rubric was configured with nonsense, or a gold answer is not a known label. */
export class RubricError extends SvError {
  declare readonly code: RubricErrorCode;

  constructor(options: { code: RubricErrorCode; message: string; cause?: unknown }) {
    super(options);
    this.name = "RubricError";
  }
}
