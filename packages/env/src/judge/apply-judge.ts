import { parse } from "@sv/parser";
import { hybridReward } from "@sv/rubric";
import type { RetryPolicy } from "../evaluate/generate-with-retries.js";
import type { RolloutResult } from "../evaluate/rollout-result.js";
import { judgeRollout } from "./judge-rollout.js";
import type { JudgeSetup } from "./judge-setup.js";

/** Options of {@link applyJudge}. */
export interface ApplyJudgeOptions {
  setup: JudgeSetup;
  /** The rollout as the executable rubric scored it. */
  result: RolloutResult;
  policy: RetryPolicy;
  signal: AbortSignal;
  now: () => number;
}

/**
 * Judge a scored rollout and reward it by the mode: `judge` mode's reward is the judge's score, `hybrid`
 * mode's the programmatic total plus weight × the rationale score. The executable rubric's scores stay
 * in `metrics` and `programmatic`. A rollout whose model call failed is returned as it is (not judged); a
 * judge call that fails after its retries makes the rollout an error (`judge_<kind>`, e.g.
 * `judge_rate_limit`) that keeps the model's completion and tokens. The judge's time counts as scoring.
 */
export async function applyJudge(options: ApplyJudgeOptions): Promise<RolloutResult> {
  const { setup, result } = options;
  if (result.error) return result;
  const started = options.now();
  const judge = await judgeRollout({
    kind: setup.kind,
    model: setup.model,
    samplingArgs: setup.samplingArgs,
    prompt: result.prompt,
    completion: result.completion,
    answer: result.answer,
    parsed: parse(result.completion),
    rolloutIndex: result.rollout_index,
    policy: options.policy,
    signal: options.signal,
  });
  const judgeMs = options.now() - started;
  const programmatic = { reward: result.reward, ...result.metrics };
  const reward =
    judge.score === null
      ? 0
      : setup.kind === "correctness"
        ? judge.score
        : hybridReward({ programmatic: result.reward, judgeScore: judge.score, judgeWeight: setup.weight });
  return {
    ...result,
    reward,
    timing: {
      ...result.timing,
      scoring_ms: result.timing.scoring_ms + judgeMs,
      total_ms: result.timing.total_ms + judgeMs,
    },
    error: judge.error
      ? { type: `judge_${judge.error.type}`, message: `judge: ${judge.error.message}` }
      : null,
    programmatic,
    judge,
  };
}
