import type { EvaluateOptions } from "../evaluate/evaluate-options.js";
import type { EvaluationContext } from "../evaluate/evaluation-run.js";
import type { RetryPolicy } from "../evaluate/generate-with-retries.js";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import type { ChatModel } from "../model/chat-model.js";
import { applyJudge } from "./apply-judge.js";
import { createJudgeSetup } from "./judge-setup.js";
import { type JudgeSummary, JudgeSummaryAccumulator } from "./judge-summary.js";

/** The judge step of one evaluation: judge each scored rollout, count the verdicts. */
export interface RolloutJudge {
  /** The judge model. */
  readonly model: ChatModel;
  /** Judge a scored rollout (one that failed is returned as it is); `hooks` join the retry policy. */
  apply(result: RolloutResult, hooks: Pick<RetryPolicy, "onRetry" | "wrapAttempt">): Promise<RolloutResult>;
  /** Count a finished rollout's verdict in the summary. */
  count(result: RolloutResult): void;
  summary(): JudgeSummary;
}

/** Options of {@link createRolloutJudge}. */
export interface CreateRolloutJudgeOptions {
  context: Pick<EvaluationContext, "rubricMode" | "judgeWeight">;
  options: Pick<EvaluateOptions, "judge">;
  policy: RetryPolicy;
  signal: AbortSignal;
  now: () => number;
}

/**
 * The judge step of an evaluation in `judge` or `hybrid` mode; undefined in `executable` mode. Throws
 * `EnvError` when the mode needs a judge and none is given (or one is given to the executable rubric).
 */
export function createRolloutJudge(options: CreateRolloutJudgeOptions): RolloutJudge | undefined {
  const setup = createJudgeSetup({
    mode: options.context.rubricMode ?? "executable",
    weight: options.context.judgeWeight,
    judge: options.options.judge,
  });
  if (!setup) return undefined;
  const totals = new JudgeSummaryAccumulator(setup.kind, setup.model.modelId);
  return {
    model: setup.model,
    apply: (result, hooks) =>
      applyJudge({
        setup,
        result,
        policy: { ...options.policy, ...hooks },
        signal: options.signal,
        now: options.now,
      }),
    count: (result) => {
      if (result.judge) totals.add(result.judge);
    },
    summary: () => totals.result(),
  };
}
