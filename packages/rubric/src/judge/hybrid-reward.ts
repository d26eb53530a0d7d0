import { RUBRIC_ERROR_CODES, RubricError } from "../rubric-error.js";

/** The original's `judge_weight` (configs/rl/e1_hybrid_reward.toml). */
export const DEFAULT_JUDGE_WEIGHT = 0.1;

/** Options of {@link hybridReward}. */
export interface HybridRewardOptions {
  /** The executable rubric's weighted total (tool-call charge included), unchanged. */
  programmatic: number;
  /** The rationale judge's score, 1 or 0. */
  judgeScore: number;
  /** Weight of the judge's score (default {@link DEFAULT_JUDGE_WEIGHT}). */
  judgeWeight?: number;
}

/** Throws {@link RubricError} unless the weight is a finite number >= 0. */
export function checkJudgeWeight(weight: number): number {
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
    throw new RubricError({
      code: RUBRIC_ERROR_CODES.invalidConfig,
      message: `judge weight must be a finite number >= 0, got ${String(weight)}`,
    });
  }
  return weight;
}

/**
 * The hybrid reward: the programmatic total plus `judgeWeight × judgeScore`. With a score of 0 the
 * result is the programmatic total itself, bit for bit.
 */
export function hybridReward(options: HybridRewardOptions): number {
  const weight = checkJudgeWeight(options.judgeWeight ?? DEFAULT_JUDGE_WEIGHT);
  if (options.judgeScore !== 0 && options.judgeScore !== 1) {
    throw new RubricError({
      code: RUBRIC_ERROR_CODES.invalidConfig,
      message: `judge score must be 0 or 1, got ${String(options.judgeScore)}`,
    });
  }
  return options.judgeScore === 0 ? options.programmatic : options.programmatic + weight * options.judgeScore;
}
