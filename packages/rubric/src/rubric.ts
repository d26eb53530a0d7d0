import { type Completion, type Label, type ParsedAnswer, parse } from "@sv/parser";
import {
  type RewardVector,
  type RubricCosts,
  type RubricWeights,
  resolveCosts,
  resolveWeights,
} from "./config.js";
import { type GoldAnswer, type GoldLabel, normalizeGoldAnswer } from "./gold-answer.js";
import { RUBRIC_ERROR_CODES, RubricError } from "./rubric-error.js";
import { accuracyReward, asymmetricCostReward, calibrationReward, formatReward } from "./rewards.js";

/** The score of one completion: the contract line of `eval score`, plus the parse. */
export interface ScoredCompletion {
  label: Label | null;
  confidence: number;
  rewards: RewardVector;
  /** Weighted total of `rewards`, plus the tool-call charge. */
  reward: number;
  /** `costs.toolCall` × the tool calls made (0 for a single-turn completion). */
  toolCost: number;
  parsed: ParsedAnswer;
  gold: GoldLabel;
}

export interface RubricOptions {
  /** Overrides of {@link DEFAULT_WEIGHTS}. */
  weights?: Partial<RubricWeights>;
  /** Overrides of {@link DEFAULT_COSTS}. */
  costs?: Partial<RubricCosts>;
}

export interface ScoreOptions {
  completion: Completion | unknown;
  answer: GoldAnswer;
  /** Tool calls the model made to reach this completion (multi-turn); each costs `costs.toolCall`. */
  toolCalls?: number;
}

export interface Rubric {
  readonly weights: Readonly<RubricWeights>;
  readonly costs: Readonly<RubricCosts>;
  /** Parse the completion once and score it. Throws `RubricError` for an invalid gold answer. */
  score(options: ScoreOptions): ScoredCompletion;
  /** Score an already parsed reply. */
  scoreParsed(parsed: ParsedAnswer, answer: GoldAnswer, toolCalls?: number): ScoredCompletion;
  /** The weighted total of a reward vector. */
  total(rewards: RewardVector): number;
}

/**
 * The E1 rubric: accuracy, format, calibration and asymmetric cost, weighted.
 * Defaults reproduce the Python original exactly. Throws `RubricError` on invalid weights or costs.
 */
export function createRubric(options: RubricOptions = {}): Rubric {
  const weights = Object.freeze(resolveWeights(options.weights));
  const costs = Object.freeze(resolveCosts(options.costs));

  const total = (rewards: RewardVector): number =>
    weights.accuracy * rewards.accuracy +
    weights.format * rewards.format +
    weights.calibration * rewards.calibration +
    weights.asymmetric_cost * rewards.asymmetric_cost;

  const scoreParsed = (parsed: ParsedAnswer, answer: GoldAnswer, toolCalls = 0): ScoredCompletion => {
    if (!Number.isInteger(toolCalls) || toolCalls < 0) {
      throw new RubricError({
        code: RUBRIC_ERROR_CODES.invalidConfig,
        message: `toolCalls must be a non-negative integer, got ${toolCalls}`,
      });
    }
    const gold = normalizeGoldAnswer(answer);
    const rewards: RewardVector = {
      accuracy: accuracyReward(parsed, gold),
      format: formatReward(parsed),
      calibration: calibrationReward(parsed, gold),
      asymmetric_cost: asymmetricCostReward(parsed, gold, costs),
    };
    // `0 * toolCall` is 0 even for the default, so single-turn totals stay bit-identical.
    const toolCost = toolCalls === 0 ? 0 : costs.toolCall * toolCalls;
    return {
      label: parsed.label,
      confidence: parsed.confidence,
      rewards,
      reward: total(rewards) + toolCost,
      toolCost,
      parsed,
      gold,
    };
  };

  return {
    weights,
    costs,
    total,
    scoreParsed,
    score: ({ completion, answer, toolCalls }) => scoreParsed(parse(completion), answer, toolCalls),
  };
}
