import { safeNormalizeGoldAnswer } from "@sv/rubric";
import { z } from "zod";
import { invalidRequest } from "../server/request-error.js";
import { toRequestIssues } from "../server/zod-issues.js";
import { type RubricConfig, rubricConfigSchema } from "./rubric-config.js";

/** One completion to score, as a line of `eval score` reads it. */
export interface ScoreItem {
  completion: string | unknown[];
  answer: string | number | boolean;
}

/** A validated `POST /v1/score` body. */
export interface ScoreRequest {
  items: ScoreItem[];
  rubric?: RubricConfig;
}

const ANSWER_MESSAGE = 'must be "Malicious", "Benign" (any case), 0, 1 or a boolean';

/** The gold answer, as `eval score` accepts it. */
export const answerSchema = z
  .union([z.string(), z.number(), z.boolean()], { error: ANSWER_MESSAGE })
  .refine((answer) => safeNormalizeGoldAnswer(answer) !== undefined, { message: ANSWER_MESSAGE });

const completionSchema = z.union([z.string(), z.array(z.unknown())], {
  error: "must be a string or a list of chat messages",
});

// Extra keys on an item are ignored, as `eval score` ignores them on a line (ids, expected values).
const itemSchema = z.object({ completion: completionSchema, answer: answerSchema });

/** The `POST /v1/score` body. */
export const scoreRequestSchema = z
  .object({ items: z.array(itemSchema), rubric: rubricConfigSchema.optional() })
  .strict();

function isScoreItem(item: unknown): item is ScoreItem {
  if (item === null || typeof item !== "object") return false;
  const { completion, answer } = item as Record<string, unknown>;
  if (typeof completion !== "string" && !Array.isArray(completion)) return false;
  return safeNormalizeGoldAnswer(answer) !== undefined;
}

function isWellFormed(body: unknown): body is { items: ScoreItem[]; rubric?: unknown } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return false;
  for (const key in body) if (key !== "items" && key !== "rubric") return false;
  const items = (body as { items?: unknown }).items;
  if (!Array.isArray(items)) return false;
  for (let index = 0; index < items.length; index++) if (!isScoreItem(items[index])) return false;
  return true;
}

/**
 * Validate a `POST /v1/score` body. Well-formed batches take a fast path (a plain loop, no copies);
 * anything else goes through the zod schema, whose issues name the field and the item index.
 * Throws a 400 `RequestError`.
 */
export function parseScoreRequest(body: unknown): ScoreRequest {
  if (isWellFormed(body)) {
    const rubric = body.rubric;
    if (rubric === undefined) return { items: body.items };
    const parsed = rubricConfigSchema.safeParse(rubric);
    if (!parsed.success) throw invalidRequest(toRequestIssues(parsed.error, ["rubric"]));
    return { items: body.items, rubric: parsed.data };
  }
  const parsed = scoreRequestSchema.safeParse(body);
  if (!parsed.success) throw invalidRequest(toRequestIssues(parsed.error));
  return parsed.data as ScoreRequest;
}
