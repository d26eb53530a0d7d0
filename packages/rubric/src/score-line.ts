import type { RewardVector } from "./config.js";
import type { ScoredCompletion } from "./rubric.js";

/**
 * The contract line of `pnpm eval score` (and of the reward server's `/v1/score` results):
 * exactly these four keys, in this order.
 */
export interface ScoreLine {
  label: string | null;
  confidence: number;
  rewards: RewardVector;
  reward: number;
}

/** Project a scored completion onto the {@link ScoreLine} contract (key order fixed, parse dropped). */
export function toScoreLine(scored: ScoredCompletion): ScoreLine {
  return {
    label: scored.label,
    confidence: scored.confidence,
    rewards: scored.rewards,
    reward: scored.reward,
  };
}
