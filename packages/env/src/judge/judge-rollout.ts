import type { ChatMessage, ParsedAnswer } from "@sv/parser";
import {
  formatJudgePrompt,
  formatRationalePrompt,
  hasGradableRationale,
  type JudgeKind,
  judgeVerdict,
  ORIGINAL_JUDGE_SAMPLING_ARGS,
} from "@sv/rubric";
import {
  type GenerateOutcome,
  generateWithRetries,
  type RetryPolicy,
} from "../evaluate/generate-with-retries.js";
import type { ChatModel, SamplingArgs } from "../model/chat-model.js";
import { type JudgeRecord, MAX_JUDGE_REPLY_CHARS } from "./judge-record.js";

/** Options of {@link judgeRollout}. */
export interface JudgeRolloutOptions {
  kind: JudgeKind;
  model: ChatModel;
  /** Default the original's `{max_tokens: 16, temperature: 0}`. */
  samplingArgs?: SamplingArgs;
  /** The messages the model under evaluation was given (the judge sees the last one's content). */
  prompt: readonly ChatMessage[];
  /** The model's reply (text, or the message list of a multi-turn rollout). */
  completion: string | readonly ChatMessage[];
  /** The gold label. */
  answer: string;
  /** The reply as the parser read it (the rationale judge grades `rationale` against `label`). */
  parsed: ParsedAnswer;
  /** Which rollout of the example, so a response cache keeps rollouts apart (as the original's per-rollout cache). */
  rolloutIndex: number;
  /** The evaluation's retry policy (the same retries, backoff, timeout and rate-limit gate as model calls). */
  policy: RetryPolicy;
  signal: AbortSignal;
}

const tokens = (count: number | null | undefined): number | null => (count === undefined ? 0 : count);

/** The judge request's one user message: the original's prompt, or our rationale prompt. */
export function judgeMessages(
  options: Pick<JudgeRolloutOptions, "kind" | "prompt" | "completion" | "answer" | "parsed">,
): ChatMessage[] {
  const content =
    options.kind === "correctness"
      ? formatJudgePrompt({ prompt: options.prompt, completion: options.completion, answer: options.answer })
      : formatRationalePrompt({ prompt: options.prompt, parsed: options.parsed });
  return [{ role: "user", content }];
}

function fromOutcome(kind: JudgeKind, model: ChatModel, outcome: GenerateOutcome): JudgeRecord {
  if (!outcome.ok) {
    return {
      kind,
      model: model.modelId,
      verdict: null,
      score: null,
      reply: "",
      attempts: outcome.attempts,
      token_usage: { input_tokens: null, output_tokens: null },
      error: { type: outcome.error.kind, message: outcome.error.message },
    };
  }
  const { result } = outcome;
  const { verdict, score } = judgeVerdict(result.text);
  return {
    kind,
    model: model.modelId,
    verdict,
    score,
    reply: result.text.slice(0, MAX_JUDGE_REPLY_CHARS),
    attempts: outcome.attempts,
    ...(result.cached === true ? { cached: true as const } : {}),
    token_usage: {
      input_tokens: tokens(result.usage?.inputTokens),
      output_tokens: tokens(result.usage?.outputTokens),
    },
    error: null,
  };
}

/**
 * Ask the judge about one rollout: one user message (the original's judge prompt with the question,
 * the gold label and the reply as canonical JSON; or, for `rationale`, our rationale prompt), sent with
 * the evaluation's retry policy, read with the original's yes/no rule. Never throws: a call that still
 * fails after its retries comes back with `error` set and no verdict. A `rationale` judgement of a reply
 * without a label or rationale is a `no` without any call (`skipped: "no_rationale"`).
 */
export async function judgeRollout(options: JudgeRolloutOptions): Promise<JudgeRecord> {
  const { kind, model } = options;
  if (kind === "rationale" && !hasGradableRationale(options.parsed)) {
    return {
      kind,
      model: model.modelId,
      verdict: "no",
      score: 0,
      reply: "",
      attempts: 0,
      skipped: "no_rationale",
      token_usage: { input_tokens: 0, output_tokens: 0 },
      error: null,
    };
  }
  const outcome = await generateWithRetries(
    model,
    {
      messages: judgeMessages(options),
      samplingArgs: options.samplingArgs ?? { ...ORIGINAL_JUDGE_SAMPLING_ARGS },
      rolloutIndex: options.rolloutIndex,
    },
    options.policy,
    options.signal,
  );
  return fromOutcome(kind, model, outcome);
}
