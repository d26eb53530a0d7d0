import { isLabel, parse } from "@sv/parser";
import { createRubric, safeNormalizeGoldAnswer } from "@sv/rubric";
import { REPORT_ERROR_CODES, ReportError } from "./report-error.js";
import type { PromptMessage, ResultLine } from "./result-line.js";

/** Where a line came from, for error messages. */
export interface ParseResultLineOptions {
  text: string;
  /** File name in messages, e.g. `runs/abc/results.jsonl`. */
  fileName: string;
  lineNumber: number;
}

const rubric = createRubric();

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

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

function completionText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const last = value.filter(isObject).at(-1);
    return typeof last?.content === "string" ? last.content : "";
  }
  return "";
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
  const metricsField = isObject(record.metrics) ? record.metrics : undefined;
  const hasMetrics =
    metricsField !== undefined &&
    ["accuracy", "format", "calibration", "asymmetric_cost"].every(
      (key) => typeof metricsField[key] === "number",
    );
  const scored = hasMetrics ? undefined : rubric.score({ completion, answer });
  const metrics = scored
    ? scored.rewards
    : {
        accuracy: finite(metricsField?.accuracy),
        format: finite(metricsField?.format),
        calibration: finite(metricsField?.calibration),
        asymmetric_cost: finite(metricsField?.asymmetric_cost),
      };
  const usage = isObject(record.token_usage) ? record.token_usage : {};
  const timing = isObject(record.timing) ? record.timing : {};
  const error = isObject(record.error)
    ? { type: String(record.error.type ?? "Error"), message: String(record.error.message ?? "") }
    : null;
  return {
    example_id:
      typeof record.example_id === "number" || typeof record.example_id === "string"
        ? record.example_id
        : options.lineNumber - 1,
    rollout_index: finite(record.rollout_index),
    prompt: promptMessages(record.prompt),
    completion,
    answer,
    reward: scored ? scored.reward : finite(record.reward),
    metrics,
    parsed,
    info: isObject(record.info) ? record.info : {},
    token_usage: { input_tokens: finite(usage.input_tokens), output_tokens: finite(usage.output_tokens) },
    timing: {
      generation_ms: finite(timing.generation_ms),
      scoring_ms: finite(timing.scoring_ms),
      total_ms: finite(timing.total_ms),
    },
    attempts: finite(record.attempts, 1),
    error,
  };
}
