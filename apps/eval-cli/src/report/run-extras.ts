import type { RolloutResult } from "@sv/env";
import { type ModelPrice, resolveModelPrice } from "../cost/model-price.js";
import { priceRecordedIn } from "../cost/override-price.js";
import { type RunCost, RunCostAccumulator } from "../cost/run-cost.js";
import { cachedTurnTokens } from "../cost/cached-turn-tokens.js";
import { parseJudgeFields } from "./judge/parse-judge-fields.js";
import { JudgeStatsAccumulator, toJudgeSummary } from "./judge/judge-stats-accumulator.js";
import type { JudgeStats, JudgeSummary } from "./judge/judge-stats.js";
import type { ResultLine } from "./result-line.js";
import { type RolloutStats, RolloutStatsAccumulator } from "./rollout-stats.js";
import type { RunMetadata } from "./run-metadata.js";

/** What summary.json adds beyond the original's schema for cost, cache and several rollouts. */
export interface RunExtras {
  /** Dollars from token usage and the run's price (cached rollouts cost 0). */
  api_cost: RunCost;
  /** Present when the run has two or more rollouts per example. */
  rollout_stats?: RolloutStats;
  /** Present for judge and hybrid runs: verdicts, agreement with the programmatic accuracy, cost. */
  judge?: JudgeSummary;
}

/**
 * The price a run was costed at: the one metadata.json records (so `eval report` gives the run's own
 * figure), else the table's price of its model (runs of other tools), else unknown.
 */
export function recordedPrice(metadata: RunMetadata): ModelPrice {
  const recorded = priceRecordedIn(metadata.cost);
  if (recorded) return recorded;
  const model = metadata.model ?? "";
  return resolveModelPrice({ modelId: model, provider: model.startsWith("baseline/") ? "baseline" : "" });
}

/** Gathers {@link RunExtras} in the report's one pass over results.jsonl. */
export class RunExtrasCollector {
  private readonly stats = new RolloutStatsAccumulator();
  private readonly cost: RunCostAccumulator;
  private readonly judge: JudgeStatsAccumulator;

  constructor(private readonly metadata: RunMetadata) {
    this.cost = new RunCostAccumulator(recordedPrice(metadata));
    this.judge = new JudgeStatsAccumulator(metadata);
  }

  add(line: ResultLine): void {
    this.stats.add(line);
    this.judge.add(line);
    // A rollout whose judge failed still paid for the model's reply, recorded in its token_usage.
    const failed = line.error !== null && line.judge === undefined;
    this.cost.add({
      cached: line.cached === true,
      failed,
      inputTokens: failed
        ? (line.billedTokens?.input_tokens ?? 0)
        : line.unknownUsage
          ? null
          : line.token_usage.input_tokens,
      outputTokens: failed
        ? (line.billedTokens?.output_tokens ?? 0)
        : line.unknownUsage
          ? null
          : line.token_usage.output_tokens,
      ...cachedTurnTokens(line.cachedTokens),
    });
  }

  /** Add a rollout as `evaluate()` yields it (runs that write no files). */
  addRollout(result: RolloutResult): void {
    const failed = result.error !== null && result.error !== undefined;
    const judged = parseJudgeFields({
      record: result as unknown as Record<string, unknown>,
      where: "rollout",
    });
    // The rollout's own judge fields (if its type has them) give way to the report's reading of them.
    const {
      judge: _judge,
      programmatic: _programmatic,
      ...rollout
    } = result as RolloutResult & {
      judge?: unknown;
      programmatic?: unknown;
    };
    this.add({
      ...rollout,
      ...(judged.programmatic
        ? { metrics: judged.programmatic.rewards, programmaticReward: judged.programmatic.reward }
        : {}),
      ...(judged.judge ? { judge: judged.judge } : {}),
      ...(result.tools?.cachedTokens ? { cachedTokens: result.tools.cachedTokens } : {}),
      ...(failed &&
      typeof result.token_usage.input_tokens === "number" &&
      typeof result.token_usage.output_tokens === "number"
        ? {
            billedTokens: {
              input_tokens: result.token_usage.input_tokens,
              output_tokens: result.token_usage.output_tokens,
            },
          }
        : {}),
      prompt: [],
      // The extras read labels, rewards and usage, never the reply; a multi-turn reply is a message list.
      completion: typeof result.completion === "string" ? result.completion : "",
      error: failed ? result.error : null,
      token_usage: {
        input_tokens: result.token_usage.input_tokens ?? 0,
        output_tokens: result.token_usage.output_tokens ?? 0,
      },
      ...(result.token_usage.input_tokens === null || result.token_usage.output_tokens === null
        ? { unknownUsage: true as const }
        : {}),
    });
  }

  result(): RunExtras {
    const k = this.metadata.rollouts_per_example;
    const rolloutStats = this.stats.result(typeof k === "number" ? k : 1);
    const judge = this.judge.result();
    return {
      api_cost: this.cost.result(),
      ...(rolloutStats ? { rollout_stats: rolloutStats } : {}),
      ...(judge ? { judge: toJudgeSummary(judge) } : {}),
    };
  }

  /** The run's judge statistics for the report, or null for a run without a judge. */
  judgeStats(): JudgeStats | null {
    return this.judge.result();
  }
}
