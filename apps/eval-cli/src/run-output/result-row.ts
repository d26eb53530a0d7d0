import type { JudgeRecord, RolloutResult, ToolRecord } from "@sv/env";
import type { RubricMode } from "@sv/rubric";
import type { ChatMessage, Label } from "@sv/parser";
import { type ErrorData, toErrorData } from "./error-data.js";
import { type JudgeMetricColumns, judgeMetricColumns, type ProgrammaticColumns } from "./judge-columns.js";
import { type MetricColumns, toMetricColumns } from "./metric-columns.js";

/**
 * One line of results.jsonl: vf-eval's legacy row (verifiers 0.1.10–0.1.14 and `verifiers/legacy`) plus
 * our own fields under names its readers do not take for metrics. The only numbers at the top level are
 * `example_id`, `reward` and the four metric columns, as vf-eval writes them.
 */
export type ResultRow = {
  example_id: number;
  prompt: ChatMessage[];
  /**
   * The reply text (a string, as the original's scripts read it; vf-eval writes a message list). In
   * multi-turn mode the message list after the prompt (assistant turns with `tool_calls`, `tool`
   * answers, the final reply), as vf-eval records a multi-turn environment's completion.
   */
  completion: string | ChatMessage[];
  answer: string;
  /** The example's `meta`. */
  info: Record<string, unknown>;
  /** Weighted reward; 0 for a rollout that failed (vf-eval's meaning). */
  reward: number;
  error: ErrorData | null;
  timing: { generation_ms: number; scoring_ms: number; total_ms: number };
  /** True when the model replied. */
  is_completed: boolean;
  /**
   * The four rewards under the original's reward-function names; all 0 for a failed rollout. In judge
   * mode `{judge_reward}` instead, in hybrid mode the four and `judge_rationale_reward`.
   */
  metrics: MetricColumns | JudgeMetricColumns;
  /**
   * Tokens of the reply; absent when the rollout failed (no reply, as vf-eval). A count the server
   * reported as missing, null or negative is `null` (unknown).
   */
  token_usage?: { input_tokens: number | null; output_tokens: number | null };
  /** Ours: the model's refusal message, only on a rollout where it declined to answer (scored as no answer). */
  refusal?: string;
  /** vf-eval's copies of `error.error_chain_repr` and `error.error_chain_str`, on failed rollouts. */
  error_chain?: string;
  long_error_chain?: string;
  /** Ours: the parsed label and confidence. */
  parsed: { label: Label | null; confidence: number };
  /**
   * Ours: which rollout of the example this is, the requests it took (1 + retries), and whether the
   * response cache answered it (no request made, nothing paid).
   */
  rollout: {
    index: number;
    attempts: number;
    cached: boolean;
    /**
     * A failed rollout's tokens that were billed all the same (a reply without content, the earlier turns
     * of a conversation); present only when there are some. Failed rows have no `token_usage` (vf-eval).
     */
    billed_tokens?: { input_tokens: number; output_tokens: number };
  };
  /** Ours, multi-turn only: tool calls, their answers, turns, outcome, errors and cost (all nested). */
  tools?: ToolRecord;
  /** Ours, judge and hybrid modes: the executable rubric's reward and four metrics of the same reply. */
  programmatic?: ProgrammaticColumns;
  /** Ours, judge and hybrid modes: the judge's verdict, reply, tokens and error (absent when the model failed). */
  judge?: JudgeRecord;
} & (MetricColumns | JudgeMetricColumns);

/** Options of {@link toResultRow}. */
export interface ToResultRowOptions {
  /** The run's rubric mode (default `executable`): judge and hybrid rows lay out their metrics by it. */
  rubricMode?: RubricMode;
}

/** A failed rollout's known, non-zero token counts (what was billed though it failed), else undefined. */
function billedTokens(
  usage: RolloutResult["token_usage"],
): { input_tokens: number; output_tokens: number } | undefined {
  const { input_tokens: input, output_tokens: output } = usage;
  if (typeof input !== "number" || typeof output !== "number" || input + output <= 0) return undefined;
  return { input_tokens: input, output_tokens: output };
}

/** Lay a rollout out as a results.jsonl row (see {@link ResultRow}). */
export function toResultRow(result: RolloutResult, options: ToResultRowOptions = {}): ResultRow {
  const failed = result.error !== null && result.error !== undefined;
  const mode = options.rubricMode ?? "executable";
  const programmatic = toMetricColumns(
    failed ? { accuracy: 0, format: 0, calibration: 0, asymmetric_cost: 0 } : result.metrics,
  );
  const metrics =
    mode === "executable"
      ? programmatic
      : judgeMetricColumns({ mode, programmatic, score: failed ? 0 : (result.judge?.score ?? 0) });
  const error = failed ? toErrorData(result.error!) : null;
  const row: Partial<ResultRow> = {
    example_id: result.example_id,
    prompt: result.prompt,
    completion: result.completion,
    answer: result.answer,
    info: result.info,
    reward: failed ? 0 : result.reward,
    error,
    timing: result.timing,
    is_completed: !failed,
    metrics,
  };
  // A rollout whose judge failed still has the model's reply and tokens.
  if (!failed || result.judge) row.token_usage = result.token_usage;
  if (error) {
    row.error_chain = error.error_chain_repr;
    row.long_error_chain = error.error_chain_str;
  }
  if (result.refusal !== undefined) row.refusal = result.refusal;
  row.parsed = result.parsed;
  row.rollout = { index: result.rollout_index, attempts: result.attempts, cached: result.cached === true };
  const billed = failed ? billedTokens(result.token_usage) : undefined;
  if (billed) row.rollout.billed_tokens = billed;
  if (result.tools !== undefined) row.tools = result.tools;
  if (result.programmatic !== undefined) {
    const { reward, ...rewards } = result.programmatic;
    row.programmatic = { reward, ...toMetricColumns(rewards) };
  }
  if (result.judge !== undefined) row.judge = result.judge;
  return Object.assign(row, metrics) as ResultRow;
}
