import type { RetryPolicy } from "../evaluate/generate-with-retries.js";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import type { JudgeRecord } from "../judge/judge-record.js";
import type { ChatModel } from "../model/chat-model.js";
import type { RolloutTrace } from "./rollout-trace.js";
import { SPAN_ATTRIBUTES } from "./span-attributes.js";
import type { StepAttributes } from "./traced-step.js";

/** What a judge-call span records of the judge's verdict: never its prompt or reply text. */
export function judgeAttributes(record: JudgeRecord): StepAttributes {
  return {
    [SPAN_ATTRIBUTES.judgeKind]: record.kind,
    [SPAN_ATTRIBUTES.judgeVerdict]: record.verdict,
    [SPAN_ATTRIBUTES.judgeScore]: record.score,
    [SPAN_ATTRIBUTES.judgeSkipped]: record.skipped,
    [SPAN_ATTRIBUTES.attempts]: record.attempts,
    [SPAN_ATTRIBUTES.cached]: record.cached === true,
    [SPAN_ATTRIBUTES.inputTokens]: record.token_usage.input_tokens,
    [SPAN_ATTRIBUTES.outputTokens]: record.token_usage.output_tokens,
  };
}

/** Options of {@link traceJudge}. */
export interface TraceJudgeOptions {
  rollout: RolloutTrace;
  judgeModel: Pick<ChatModel, "modelId" | "provider">;
  /** The scored rollout about to be judged. */
  result: RolloutResult;
  /** The evaluation's retry callback for the judge's requests. */
  onRetry: RetryPolicy["onRetry"];
  /** Judge it with these retry hooks (they trace the judge's attempts). */
  judge: (hooks: Pick<RetryPolicy, "onRetry" | "wrapAttempt">) => Promise<RolloutResult>;
}

/**
 * Judge a rollout inside a `sv.judge_call` span whose children are the judge's attempts. A rollout whose
 * model call failed is not judged, so it gets no judge span.
 */
export function traceJudge(options: TraceJudgeOptions): Promise<RolloutResult> {
  const { rollout, judgeModel } = options;
  if (options.result.error) return options.judge({ onRetry: options.onRetry });
  const inputs = {
    [SPAN_ATTRIBUTES.model]: judgeModel.modelId,
    [SPAN_ATTRIBUTES.provider]: judgeModel.provider,
  };
  return rollout.judgeCall(async (step) => {
    const judged = await options.judge(rollout.attemptHooks(options.onRetry, judgeModel));
    if (judged.judge) {
      step.set(judgeAttributes(judged.judge));
      if (judged.judge.error) step.fail(judged.judge.error.type);
    }
    return judged;
  }, inputs);
}
