import type { JudgeRecord } from "@sv/env";
import { normalizeRolloutError } from "../run-output/error-data.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const count = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;

/**
 * A row's `judge` field back as a {@link JudgeRecord}; undefined when the row has none or it is not one
 * (a verdict other than yes/no/null, a kind other than correctness/rationale).
 */
export function readJudgeRecord(value: unknown): JudgeRecord | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind !== "correctness" && value.kind !== "rationale") return undefined;
  if (value.verdict !== "yes" && value.verdict !== "no" && value.verdict !== null) return undefined;
  const usage = isObject(value.token_usage) ? value.token_usage : {};
  const error = normalizeRolloutError(value.error);
  return {
    kind: value.kind,
    model: typeof value.model === "string" ? value.model : "",
    verdict: error ? null : value.verdict,
    score: error || value.verdict === null ? null : value.verdict === "yes" ? 1 : 0,
    reply: typeof value.reply === "string" ? value.reply : "",
    attempts: count(value.attempts) ?? 0,
    ...(value.cached === true ? { cached: true as const } : {}),
    ...(value.skipped === "no_rationale" ? { skipped: "no_rationale" as const } : {}),
    token_usage: { input_tokens: count(usage.input_tokens), output_tokens: count(usage.output_tokens) },
    error,
  };
}
