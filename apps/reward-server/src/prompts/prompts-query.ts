import { z } from "zod";
import { invalidRequest } from "../server/request-error.js";
import { toRequestIssues } from "../server/zod-issues.js";

const integer = (what: string) =>
  z
    .string()
    .regex(/^-?\d+$/, { message: `must be ${what}` })
    .transform(Number)
    .pipe(z.number().int().safe());

/** The query of `GET /v1/prompts`. */
export const promptsQuerySchema = z
  .object({
    dataset: z
      .string()
      .min(1)
      .regex(/^[^/\\]+$/, { message: "must be a dataset name (no path): the server reads only its data dir" })
      .optional(),
    source: z.enum(["auto", "local", "hub", "synthetic", "demo"]).optional(),
    split: z.string().min(1).optional(),
    limit: integer("a non-negative integer").pipe(z.number().nonnegative()).optional(),
    seed: integer("an integer").optional(),
  })
  .strict();

/** A validated `GET /v1/prompts` query. */
export type PromptsQuery = z.infer<typeof promptsQuerySchema>;

/** Validate the query string; throws a 400 naming the parameter. */
export function parsePromptsQuery(query: unknown): PromptsQuery {
  const parsed = promptsQuerySchema.safeParse(query ?? {});
  if (!parsed.success) throw invalidRequest(toRequestIssues(parsed.error));
  return parsed.data;
}
