import type { RolloutResult } from "@sv/env";
import type { ModelPrice } from "../../cost/model-price.js";
import { cachedTurnTokens } from "../../cost/cached-turn-tokens.js";
import { type CostedRollout, RunCostAccumulator } from "../../cost/run-cost.js";
import { JudgeRunTotals, type JudgeRunSummary } from "../../judge/judge-run-totals.js";
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

/** Options of {@link spentSoFar}. */
export interface SpentSoFarOptions {
  resultsPath: string;
  /** The model's price. */
  price: ModelPrice;
  /** Judge and hybrid runs: the judge, whose spend is counted apart at its own price. */
  judge?: { mode: JudgeRunSummary["mode"]; model: string; price: ModelPrice };
}

/** What a resumed run already spent, model and judge apart; null where the price is unknown. */
export interface SpentSoFar {
  modelUsd: number | null;
  /** 0 for a run without a judge. */
  judgeUsd: number | null;
}

/** Dollars a resumed run already spent: its results.jsonl at the model's price, and its judge calls at the judge's. */
export async function spentSoFar(options: SpentSoFarOptions): Promise<SpentSoFar> {
  const cost = new RunCostAccumulator(options.price);
  const judge = options.judge
    ? new JudgeRunTotals(options.judge.mode, options.judge.model, options.judge.price)
    : undefined;
  for await (const result of readResults(options.resultsPath)) {
    cost.add(costedRollout(result));
    judge?.add({ judge: result.judge, accuracy: result.metrics.accuracy });
  }
  return { modelUsd: cost.spentUsd, judgeUsd: judge ? judge.summary().cost_usd : 0 };
}

/** Dollars of model and judge together; null when either is unknown. */
export function totalUsd(modelUsd: number | null, judgeUsd: number | null): number | null {
  return modelUsd === null || judgeUsd === null ? null : modelUsd + judgeUsd;
}

/** Options of {@link liveSpend}. */
export interface LiveSpendOptions {
  /** The model's spend this session. */
  live: RunCostAccumulator;
  /** The judge's spend this session (judge and hybrid runs). */
  judge?: JudgeRunTotals;
  /** What a resumed run had spent before (model + judge). */
  spentBefore: number | null;
}

/** The progress line's cost figures: this session's spend (model + judge) plus what a resumed run had spent. */
export function liveSpend(options: LiveSpendOptions): { costUsd: number | null; cached: number } {
  const judgeNow = options.judge ? options.judge.summary().cost_usd : 0;
  const now = totalUsd(options.live.spentUsd, judgeNow);
  const { cached_rollouts: cached } = options.live.result();
  return { costUsd: totalUsd(now, options.spentBefore), cached };
}
