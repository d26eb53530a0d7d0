import { z } from "zod";
import { LABELS } from "./labels.js";

/** The answer object a model is asked to produce. */
export const answerSchema = z
  .object({
    label: z.enum(LABELS).describe("Benign, Malicious, or Abstain when the flow cannot be judged"),
    confidence: z.number().min(0).max(1).describe("Probability that the label is correct, 0..1"),
    rationale: z.string().optional().describe("One short sentence explaining the decision"),
  })
  .strict();

/** A well-formed answer object. */
export type Answer = z.infer<typeof answerSchema>;

/**
 * JSON Schema (draft 2020-12) of {@link answerSchema}, for structured-output requests
 * (`response_format: {type: "json_schema", json_schema: {name: "e1_answer", schema, strict: true}}`).
 */
export function answerJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(answerSchema) as Record<string, unknown>;
}
