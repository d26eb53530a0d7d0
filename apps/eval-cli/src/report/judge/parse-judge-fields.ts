import type { RolloutError } from "@sv/env";
import type { RewardVector } from "@sv/rubric";
import { normalizeRolloutError } from "../../run-output/error-data.js";
import { fromMetricColumns } from "../../run-output/metric-columns.js";
import { REPORT_ERROR_CODES, ReportError } from "../report-error.js";
import type { JudgeKind, RolloutJudge } from "./rollout-judge.js";

type Json = Record<string, unknown>;

/** A row's judge data: the verdict and, when the row keeps them, the executable rubric's scores. */
export interface JudgeFields {
  judge?: RolloutJudge;
  /** `programmatic` of our rows: the weighted total without the judge part, and the four rewards. */
  programmatic?: { reward: number; rewards: RewardVector };
  /** The judge metric the row carries (`judge_reward` or `judge_rationale_reward`), if any. */
  metric?: { kind: JudgeKind; score: number };
}

/** Options of {@link parseJudgeFields}. */
export interface ParseJudgeFieldsOptions {
  record: Json;
  /** `file line N`, for error messages. */
  where: string;
}

/** The judge metrics under the names of the original's reward functions and of our hybrid part. */
const JUDGE_METRICS: readonly [string, JudgeKind][] = [
  ["judge_reward", "correctness"],
  ["judge_rationale_reward", "rationale"],
];

// The original's judge environment wraps every failed judge call in a RuntimeError naming the judge model.
const ORIGINAL_JUDGE_ERROR = /\bjudge model\b/i;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const count = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;

function invalid(where: string, field: string, expected: string, value: unknown): ReportError {
  return new ReportError({
    code: REPORT_ERROR_CODES.invalidResultLine,
    message: `${where}: field \`${field}\` must be ${expected}, got ${JSON.stringify(value)?.slice(0, 60)}`,
  });
}

function judgeMetric(record: Json, where: string): JudgeFields["metric"] {
  const metrics = isObject(record.metrics) ? record.metrics : {};
  for (const [name, kind] of JUDGE_METRICS) {
    const value = metrics[name] ?? record[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw invalid(where, `metrics.${name}`, "a number", value);
    }
    return { kind, score: value };
  }
  return undefined;
}

const scoreOf = (score: number): 1 | 0 | null => (score === 1 ? 1 : score === 0 ? 0 : null);

/** Our row's `judge` object. */
function ourJudge(value: unknown, metric: JudgeFields["metric"], where: string): RolloutJudge {
  if (!isObject(value)) throw invalid(where, "judge", "an object", value);
  const kind = value.kind ?? metric?.kind;
  if (kind !== "correctness" && kind !== "rationale") {
    throw invalid(where, "judge.kind", '"correctness" or "rationale"', value.kind);
  }
  const error = normalizeRolloutError(value.error);
  const recorded = value.verdict;
  if (recorded !== "yes" && recorded !== "no" && recorded !== null && recorded !== undefined) {
    throw invalid(where, "judge.verdict", '"yes", "no" or null', recorded);
  }
  let verdict: "yes" | "no" | null = recorded ?? null;
  const rawScore = value.score;
  if (rawScore !== undefined && rawScore !== null && rawScore !== 0 && rawScore !== 1) {
    throw invalid(where, "judge.score", "1, 0 or null", rawScore);
  }
  if (verdict === null) verdict = rawScore === 1 ? "yes" : rawScore === 0 ? "no" : null;
  if (error) verdict = null;
  const usage = isObject(value.token_usage) ? value.token_usage : null;
  return {
    kind,
    model: typeof value.model === "string" && value.model !== "" ? value.model : null,
    verdict,
    score: verdict === null ? null : verdict === "yes" ? 1 : 0,
    reply: typeof value.reply === "string" ? value.reply : null,
    cached: value.cached === true,
    skipped: value.skipped !== undefined && value.skipped !== null && value.skipped !== false,
    attempts: count(value.attempts),
    tokenUsage: usage ? { input: count(usage.input_tokens), output: count(usage.output_tokens) } : null,
    error:
      error ??
      (verdict === null ? { type: "judge_no_verdict", message: "the row records no verdict" } : null),
  };
}

/**
 * A verdict rebuilt from a vf-eval row of the original's judge environment: the metric is the score
 * (1 yes, 0 no), the reply is not kept. A failed row counts as a judge error only when its error is the
 * original's judge failure; any other failed row was not judged.
 */
function metricJudge(
  metric: NonNullable<JudgeFields["metric"]>,
  rowError: RolloutError | null,
  where: string,
): RolloutJudge | undefined {
  const base = {
    kind: metric.kind,
    model: null,
    reply: null,
    cached: false,
    skipped: false,
    attempts: null,
    tokenUsage: null,
  };
  if (rowError) {
    if (!ORIGINAL_JUDGE_ERROR.test(rowError.message)) return undefined;
    return { ...base, verdict: null, score: null, error: rowError };
  }
  const score = scoreOf(metric.score);
  if (score === null)
    throw invalid(
      where,
      `metrics.${JUDGE_METRICS.find(([, kind]) => kind === metric.kind)![0]}`,
      "1 or 0",
      metric.score,
    );
  return { ...base, verdict: score === 1 ? "yes" : "no", score, error: null };
}

/**
 * The judge fields of a results.jsonl row (the issue-15 contract): `judge`, `programmatic` and the judge
 * metrics; `{}` for a row without any. Malformed fields are a {@link ReportError} naming the field.
 */
export function parseJudgeFields(options: ParseJudgeFieldsOptions): JudgeFields {
  const { record, where } = options;
  const metric = judgeMetric(record, where);
  const fields: JudgeFields = metric ? { metric } : {};
  if (record.programmatic !== undefined && record.programmatic !== null) {
    const programmatic = record.programmatic;
    const rewards = isObject(programmatic) ? fromMetricColumns(programmatic) : undefined;
    const reward = isObject(programmatic) ? programmatic.reward : undefined;
    if (!rewards || typeof reward !== "number" || !Number.isFinite(reward)) {
      throw invalid(
        where,
        "programmatic",
        "an object with numbers reward, reward_accuracy, format_reward, reward_calibration and reward_asymmetric_cost",
        programmatic,
      );
    }
    fields.programmatic = { reward, rewards };
  }
  if (record.judge !== undefined && record.judge !== null) {
    fields.judge = ourJudge(record.judge, metric, where);
  } else if (metric) {
    const rowError = normalizeRolloutError(record.error) ?? normalizeRolloutError(record.completion_error);
    const judge = metricJudge(metric, rowError, where);
    if (judge) fields.judge = judge;
  }
  return fields;
}
