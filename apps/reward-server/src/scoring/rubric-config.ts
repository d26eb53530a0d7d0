import { z } from "zod";

const finite = z.number().finite();

/** `rubric` of a request: partial weight and cost overrides, each merged onto the defaults. */
export const rubricConfigSchema = z
  .object({
    weights: z
      .object({
        accuracy: finite.optional(),
        format: finite.optional(),
        calibration: finite.optional(),
        asymmetric_cost: finite.optional(),
      })
      .strict()
      .optional(),
    costs: z
      .object({
        correct: finite.optional(),
        missedAttack: finite.optional(),
        falseAlarm: finite.optional(),
        abstain: finite.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Weight and cost overrides of one request. */
export type RubricConfig = z.infer<typeof rubricConfigSchema>;
