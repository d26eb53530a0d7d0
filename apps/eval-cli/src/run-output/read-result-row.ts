import type { RolloutResult, ToolRecord } from "@sv/env";
import type { ChatMessage, Label } from "@sv/parser";
import { readJudgeRecord } from "../judge/read-judge-record.js";
import { normalizeRolloutError } from "./error-data.js";
import { fromMetricColumns } from "./metric-columns.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const numberOr = (value: unknown, fallback: number): number =>
  typeof value === "number" && Number.isFinite(value) ? value : fallback;

/**
 * A rollout back from a row `pnpm eval` wrote (see `ResultRow`; rows from before the vf-eval layout, with
 * `rollout_index` and `attempts` at the top level and the rubric's metric names, are read too).
 * `undefined` when the value is not such a row.
 */
export function readResultRow(value: unknown): RolloutResult | undefined {
  if (!isObject(value)) return undefined;
  const rollout = isObject(value.rollout) ? value.rollout : {};
  const rolloutIndex = rollout.index ?? value.rollout_index;
  // A judged row keeps the executable rubric's four metrics under `programmatic` (judge mode's `metrics` is `{judge_reward}`).
  const programmatic = isObject(value.programmatic) ? value.programmatic : undefined;
  const metrics =
    fromMetricColumns(programmatic) ?? fromMetricColumns(isObject(value.metrics) ? value.metrics : undefined);
  const judge = readJudgeRecord(value.judge);
  const parsed = value.parsed;
  if (
    !Number.isInteger(value.example_id) ||
    !Number.isInteger(rolloutIndex) ||
    typeof value.reward !== "number" ||
    metrics === undefined ||
    !isObject(parsed)
  ) {
    return undefined;
  }
  // A failed row keeps what it was billed under `rollout.billed_tokens` (it has no `token_usage`).
  const usage = isObject(value.token_usage)
    ? value.token_usage
    : isObject(rollout.billed_tokens)
      ? rollout.billed_tokens
      : {};
  const timing = isObject(value.timing) ? value.timing : {};
  return {
    example_id: value.example_id as number,
    rollout_index: rolloutIndex as number,
    prompt: Array.isArray(value.prompt) ? (value.prompt as ChatMessage[]) : [],
    completion:
      typeof value.completion === "string"
        ? value.completion
        : Array.isArray(value.completion)
          ? (value.completion as ChatMessage[])
          : "",
    answer: String(value.answer ?? ""),
    reward: value.reward,
    metrics,
    parsed: { label: (parsed.label ?? null) as Label | null, confidence: numberOr(parsed.confidence, 0) },
    info: isObject(value.info) ? value.info : {},
    token_usage: {
      input_tokens: usage.input_tokens === null ? null : numberOr(usage.input_tokens, 0),
      output_tokens: usage.output_tokens === null ? null : numberOr(usage.output_tokens, 0),
    },
    timing: {
      generation_ms: numberOr(timing.generation_ms, 0),
      scoring_ms: numberOr(timing.scoring_ms, 0),
      total_ms: numberOr(timing.total_ms, 0),
    },
    attempts: numberOr(rollout.attempts ?? value.attempts, 1),
    error: normalizeRolloutError(value.error),
    ...(typeof value.refusal === "string" ? { refusal: value.refusal } : {}),
    ...(rollout.cached === true ? { cached: true as const } : {}),
    ...(isObject(value.tools) ? { tools: value.tools as unknown as ToolRecord } : {}),
    ...(programmatic && typeof programmatic.reward === "number"
      ? { programmatic: { reward: programmatic.reward, ...metrics } }
      : {}),
    ...(judge ? { judge } : {}),
  };
}
