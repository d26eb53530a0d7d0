import { transcriptText } from "./transcript-text.js";
import { isLabel, parse } from "@sv/parser";
import { createRubric, type RewardVector, safeNormalizeGoldAnswer } from "@sv/rubric";
import { normalizeRolloutError } from "../run-output/error-data.js";
import { fromMetricColumns } from "../run-output/metric-columns.js";
import { parseJudgeFields } from "./judge/parse-judge-fields.js";
import { REPORT_ERROR_CODES, ReportError } from "./report-error.js";
import type { PromptMessage, ResultLine } from "./result-line.js";

/** Where a line came from, for error messages. */
export interface ParseResultLineOptions {
  text: string;
  /** File name in messages, e.g. `runs/abc/results.jsonl`. */
  fileName: string;
  lineNumber: number;
  /**
   * The rollout number of a row that names none (vf-eval and the original's scripts do not): called with
   * the row's example id; {@link readResultLines} numbers rows in file order within each example.
   */
  nextRolloutIndex?: (exampleId: number | string) => number;
}

const rubric = createRubric();

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const isCount = (value: unknown): boolean =>
  typeof value === "number" && Number.isFinite(value) && value >= 0;

const finite = (value: unknown, fallback = 0): number =>
  typeof value === "number" && Number.isFinite(value) ? value : fallback;

function promptMessages(value: unknown): PromptMessage[] {
  if (typeof value === "string") return [{ role: "user", content: value }];
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((message) => ({
    role: typeof message.role === "string" ? message.role : "user",
    content: typeof message.content === "string" ? message.content : JSON.stringify(message.content ?? ""),
  }));
}

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  // OpenAI content parts: [{type: "text", text}, …]
  if (Array.isArray(content)) {
    return content.map((part) => (isObject(part) && typeof part.text === "string" ? part.text : "")).join("");
  }
  return "";
}

/** The reply: a string, or the last assistant message of a message list (vf-eval 0.1.10 and later). */
function completionText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const messages = value.filter(isObject);
    const last = messages.filter((message) => message.role === "assistant").at(-1) ?? messages.at(-1);
    return contentText(last?.content);
  }
  return "";
}

/** `info` as an object (vf-eval may have written it as a JSON string). */
function infoObject(value: unknown): Json {
  if (isObject(value)) return value;
  if (typeof value === "string" && value.trim().startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isObject(parsed)) return parsed;
    } catch {
      // not JSON after all: no info
    }
  }
  return {};
}

/**
 * The four rewards wherever the row keeps them: `metrics` (ours, vf-eval 0.1.10 and later), top-level
 * columns (vf-eval 0.1.9) or `rewards` (the original's eval_network_logs.py), under the original's
 * reward-function names or the rubric's.
 */
function storedRewards(record: Json): RewardVector | undefined {
  return (
    // A judged row (judge and hybrid modes) keeps the executable rubric's four under `programmatic`.
    fromMetricColumns(isObject(record.programmatic) ? record.programmatic : undefined) ??
    fromMetricColumns(isObject(record.metrics) ? record.metrics : undefined) ??
    fromMetricColumns(record) ??
    fromMetricColumns(isObject(record.rewards) ? record.rewards : undefined)
  );
}

/** Milliseconds of one timing phase, in any vf-eval layout. */
function phaseMs(record: Json, timing: Json, name: "generation" | "scoring" | "total"): number {
  const key = `${name}_ms`;
  if (typeof timing[key] === "number") return finite(timing[key]);
  if (typeof record[key] === "number") return finite(record[key]);
  // vf-eval 0.1.14: seconds, as {generation: {duration}, scoring: {duration}, total}
  const phase = timing[name];
  const seconds = isObject(phase) ? phase.duration : phase;
  return typeof seconds === "number" ? finite(seconds) * 1000 : 0;
}

function exampleIdOf(record: Json, lineNumber: number): number | string {
  for (const value of [record.example_id, record.index]) {
    if (typeof value === "number" || (typeof value === "string" && value !== "")) return value;
  }
  return lineNumber - 1;
}

/**
 * Parse one `results.jsonl` line. Required: valid JSON object with a gold `answer`. Everything
 * else is filled leniently (old runs without `parsed` or `metrics` are re-parsed and re-scored),
 * so regenerating a report of an older run picks up new report features.
 */
export function parseResultLine(options: ParseResultLineOptions): ResultLine {
  const where = `${options.fileName} line ${options.lineNumber}`;
  let record: unknown;
  try {
    record = JSON.parse(options.text);
  } catch (error) {
    throw new ReportError({
      code: REPORT_ERROR_CODES.invalidResultLine,
      message: `${where}: not valid JSON (${(error as Error).message})`,
      cause: error,
    });
  }
  if (!isObject(record)) {
    throw new ReportError({
      code: REPORT_ERROR_CODES.invalidResultLine,
      message: `${where}: expected a JSON object`,
    });
  }
  const answer = record.answer;
  if (
    (typeof answer !== "string" && typeof answer !== "number" && typeof answer !== "boolean") ||
    safeNormalizeGoldAnswer(answer) === undefined
  ) {
    throw new ReportError({
      code: REPORT_ERROR_CODES.invalidResultLine,
      message: `${where}: field \`answer\` must be "Malicious", "Benign", 0 or 1, got ${JSON.stringify(answer)?.slice(0, 60)}`,
    });
  }
  const completion = completionText(record.completion);
  const parsedField = isObject(record.parsed) ? record.parsed : undefined;
  const parsed =
    parsedField && (parsedField.label === null || isLabel(parsedField.label))
      ? { label: parsedField.label, confidence: finite(parsedField.confidence) }
      : (() => {
          const fresh = parse(completion);
          return { label: fresh.label, confidence: fresh.confidence };
        })();
  const judgeFields = parseJudgeFields({ record, where });
  const stored = judgeFields.programmatic?.rewards ?? storedRewards(record);
  const scored = stored ? undefined : rubric.score({ completion, answer });
  const metrics = stored ?? scored!.rewards;
  const recordedReward =
    typeof record.reward === "number" && Number.isFinite(record.reward) ? record.reward : undefined;
  // A re-scored row takes the re-scored reward; a row with its rewards keeps its own (the weighted sum
  // of them when it has none, as the original's eval_network_logs.py writes no total).
  const programmaticReward =
    judgeFields.programmatic?.reward ??
    (scored
      ? scored.reward
      : (recordedReward ??
        rubric.weights.accuracy * metrics.accuracy +
          rubric.weights.format * metrics.format +
          rubric.weights.calibration * metrics.calibration +
          rubric.weights.asymmetric_cost * metrics.asymmetric_cost));
  // A judged row's reward is the run's (the judge's, or programmatic + weighted judge), never re-scored.
  const judged = judgeFields.metric !== undefined || judgeFields.judge !== undefined;
  const reward = judged
    ? (recordedReward ??
      (judgeFields.metric?.kind === "correctness" ? judgeFields.metric.score : programmaticReward))
    : programmaticReward;
  const usage = isObject(record.token_usage) ? record.token_usage : {};
  const timing = isObject(record.timing) ? record.timing : {};
  const rollout = isObject(record.rollout) ? record.rollout : {};
  const error = normalizeRolloutError(record.error) ?? normalizeRolloutError(record.completion_error);
  const exampleId = exampleIdOf(record, options.lineNumber);
  const storedIndex = rollout.index ?? record.rollout_index;
  const rolloutIndex =
    typeof storedIndex === "number" && Number.isInteger(storedIndex)
      ? storedIndex
      : (options.nextRolloutIndex?.(exampleId) ?? 0);
  const transcript = transcriptText(record.completion);
  return {
    example_id: exampleId,
    rollout_index: rolloutIndex,
    prompt: promptMessages(record.prompt),
    completion,
    ...(transcript === undefined ? {} : { transcript }),
    answer,
    reward,
    metrics,
    parsed,
    info: infoObject(record.info),
    token_usage: { input_tokens: finite(usage.input_tokens), output_tokens: finite(usage.output_tokens) },
    // A rollout whose judge failed still has the model's reply and its tokens.
    token_usage_reported:
      (error === null || judgeFields.judge !== undefined) &&
      isCount(usage.input_tokens) &&
      isCount(usage.output_tokens),
    timing: {
      generation_ms: phaseMs(record, timing, "generation"),
      scoring_ms: phaseMs(record, timing, "scoring"),
      total_ms: phaseMs(record, timing, "total"),
    },
    attempts: finite(rollout.attempts ?? record.attempts, 1),
    error,
    ...(rollout.cached === true ? { cached: true as const } : {}),
    ...cachedTokensOf(record.tools),
    ...billedTokensOf(error === null ? undefined : rollout.billed_tokens),
    ...(usage.input_tokens === null || usage.output_tokens === null ? { unknownUsage: true as const } : {}),
    ...(judgeFields.judge ? { judge: judgeFields.judge } : {}),
    ...(judged ? { programmaticReward } : {}),
  };
}

/** `tools.cachedTokens` of a partly cached multi-turn row (counts, or null when unknown). */
function cachedTokensOf(tools: unknown): Pick<ResultLine, "cachedTokens"> {
  const tokens = isObject(tools) && isObject(tools.cachedTokens) ? tools.cachedTokens : undefined;
  if (!tokens) return {};
  const count = (value: unknown) => (isCount(value) ? (value as number) : null);
  return {
    cachedTokens: { input_tokens: count(tokens.input_tokens), output_tokens: count(tokens.output_tokens) },
  };
}

/** `rollout.billed_tokens` of a failed row: both counts, or nothing. */
function billedTokensOf(tokens: unknown): Pick<ResultLine, "billedTokens"> {
  if (!isObject(tokens) || !isCount(tokens.input_tokens) || !isCount(tokens.output_tokens)) return {};
  return {
    billedTokens: {
      input_tokens: tokens.input_tokens as number,
      output_tokens: tokens.output_tokens as number,
    },
  };
}
