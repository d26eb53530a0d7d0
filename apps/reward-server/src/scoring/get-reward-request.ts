import { safeNormalizeGoldAnswer } from "@sv/rubric";
import { z } from "zod";
import { invalidRequest, type RequestIssue } from "../server/request-error.js";
import { toRequestIssues } from "../server/zod-issues.js";
import { answerSchema, type ScoreItem } from "./score-request.js";

/**
 * OpenRLHF's remote reward-model request: `query` is prompt + reply as the trainer decoded it,
 * `prompts` the prompts, `labels` the gold answers (`--data.label_key`). Other keys are ignored.
 */
export const getRewardRequestSchema = z.object({
  query: z.array(z.string()),
  prompts: z.array(z.string(), {
    error: "must be the list of prompts (the reply is `query` minus its prompt)",
  }),
  labels: z.array(answerSchema, {
    error: 'must be the list of gold answers ("Malicious" or "Benign"; pass --data.label_key answer)',
  }),
});

/**
 * The reply inside one query: the text after the prompt. OpenRLHF decodes prompt and reply tokens
 * together, so the prompt may sit behind padding or special tokens; it must be there, though: a
 * query that does not contain its prompt is an error, never scored as a whole.
 */
export function replyOf(query: string, prompt: string): string | undefined {
  if (query.startsWith(prompt)) return query.slice(prompt.length);
  const at = query.indexOf(prompt);
  return at < 0 ? undefined : query.slice(at + prompt.length);
}

type GetRewardRequest = z.infer<typeof getRewardRequestSchema>;

function isStrings(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) if (typeof value[index] !== "string") return false;
  return true;
}

function isAnswers(value: unknown): value is ScoreItem["answer"][] {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) {
    if (safeNormalizeGoldAnswer(value[index]) === undefined) return false;
  }
  return true;
}

/** What the schema accepts, checked by a plain loop (no copies); other keys are ignored, as there. */
function isWellFormed(body: unknown): body is GetRewardRequest {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return false;
  const { query, prompts, labels } = body as Record<string, unknown>;
  return isStrings(query) && isStrings(prompts) && isAnswers(labels);
}

/**
 * Validate a `POST /get_reward` body into score items; throws a 400 naming the field and index.
 * Well-formed bodies take a fast path; the zod schema runs only to name what is wrong with the others.
 */
export function parseGetRewardRequest(body: unknown): ScoreItem[] {
  let request: GetRewardRequest;
  if (isWellFormed(body)) {
    request = body;
  } else {
    const parsed = getRewardRequestSchema.safeParse(body);
    if (!parsed.success) throw invalidRequest(toRequestIssues(parsed.error));
    request = parsed.data;
  }
  const { query, prompts, labels } = request;
  const issues: RequestIssue[] = [];
  if (prompts.length !== query.length) {
    issues.push({ path: "prompts", message: `has ${prompts.length} entries, query has ${query.length}` });
  }
  if (labels.length !== query.length) {
    issues.push({ path: "labels", message: `has ${labels.length} entries, query has ${query.length}` });
  }
  if (issues.length > 0) throw invalidRequest(issues);
  const items = new Array<ScoreItem>(query.length);
  for (let index = 0; index < query.length; index++) {
    const reply = replyOf(query[index]!, prompts[index]!);
    if (reply === undefined) {
      issues.push({ path: `query.${index}`, message: `does not contain prompts.${index}` });
      continue;
    }
    items[index] = { completion: reply, answer: labels[index]! };
  }
  if (issues.length > 0) throw invalidRequest(issues);
  return items;
}
