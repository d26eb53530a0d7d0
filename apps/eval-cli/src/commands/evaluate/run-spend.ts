import type { RolloutResult } from "@sv/env";
import type { ModelPrice } from "../../cost/model-price.js";
import { cachedTurnTokens } from "../../cost/cached-turn-tokens.js";
import { type CostedRollout, RunCostAccumulator } from "../../cost/run-cost.js";
import { readResults } from "../../run-output/read-results.js";

/** What a rollout as `evaluate()` yields it contributes to the run's cost. */
export function costedRollout(result: RolloutResult): CostedRollout {
  return {
    cached: result.cached === true,
    // A rollout whose judge failed (it has `judge`) still paid for the model's reply.
    failed: result.error !== null && result.error !== undefined && result.judge === undefined,
    inputTokens: result.token_usage.input_tokens,
    outputTokens: result.token_usage.output_tokens,
    ...cachedTurnTokens(result.tools?.cachedTokens),
  };
}

/** Dollars one rollout cost, counted as the run's cost counts it (null when the price is unknown). */
export function rolloutCost(price: ModelPrice): (result: RolloutResult) => number | null {
  return (result) => {
    const cost = new RunCostAccumulator(price);
    cost.add(costedRollout(result));
    return cost.spentUsd;
  };
}

/** Dollars a resumed run already spent (its results.jsonl at the price), or null when the price is unknown. */
export async function spentSoFar(resultsPath: string, price: ModelPrice): Promise<number | null> {
  const cost = new RunCostAccumulator(price);
  for await (const result of readResults(resultsPath)) cost.add(costedRollout(result));
  return cost.spentUsd;
}

/** The progress line's cost figures: this session's spend plus what a resumed run had spent. */
export function liveSpend(
  live: RunCostAccumulator,
  spentBefore: number | null,
): { costUsd: number | null; cached: number } {
  const now = live.spentUsd;
  const { cached_rollouts: cached } = live.result();
  return { costUsd: now === null || spentBefore === null ? null : now + spentBefore, cached };
}
