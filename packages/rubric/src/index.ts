export {
  type ChatMessage,
  type Completion,
  type Label,
  type ParsedAnswer,
  parse,
} from "@sv/parser";
export {
  costsSchema,
  DEFAULT_COSTS,
  DEFAULT_WEIGHTS,
  REWARD_NAMES,
  type RewardName,
  type RewardVector,
  type RubricCosts,
  type RubricWeights,
  resolveCosts,
  resolveWeights,
  weightsSchema,
} from "./config.js";
export {
  type GoldAnswer,
  type GoldLabel,
  normalizeGoldAnswer,
  safeNormalizeGoldAnswer,
} from "./gold-answer.js";
export { accuracyReward, asymmetricCostReward, calibrationReward, formatReward } from "./rewards.js";
export {
  createRubric,
  type Rubric,
  type RubricOptions,
  type ScoredCompletion,
  type ScoreOptions,
} from "./rubric.js";
export { type ScoreLine, toScoreLine } from "./score-line.js";
export { RUBRIC_ERROR_CODES, RubricError, type RubricErrorCode } from "./rubric-error.js";
export {
  areaUnderRiskCoverage,
  RiskCoverageAccumulator,
  type RiskCoveragePoint,
} from "./risk-coverage.js";
export {
  RUN_METRIC_NAMES,
  type RunMetricName,
  runMetricValue,
  type UndefinedRunMetricsOptions,
  undefinedRunMetrics,
} from "./run-metric-names.js";
export {
  computeRunMetrics,
  type MetricsRecord,
  type RunMetrics,
  RunMetricsAccumulator,
  type RunMetricsOptions,
} from "./run-metrics.js";
