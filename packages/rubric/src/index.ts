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
export {
  checkJudgeWeight,
  DEFAULT_JUDGE_WEIGHT,
  type HybridRewardOptions,
  hybridReward,
} from "./judge/hybrid-reward.js";
export {
  type FormatJudgePromptOptions,
  formatJudgePrompt,
  judgeQuestion,
} from "./judge/format-judge-prompt.js";
export { judgeResponseText } from "./judge/judge-response-text.js";
export { type JudgeVerdict, judgeVerdict } from "./judge/judge-verdict.js";
export {
  ORIGINAL_JUDGE_MODEL,
  ORIGINAL_JUDGE_PROMPT,
  ORIGINAL_JUDGE_SAMPLING_ARGS,
  ORIGINAL_JUDGE_SYSTEM_PROMPT,
} from "./judge/original-judge-prompt.js";
export type {
  PythonJsonFloat,
  PythonJsonInt,
  PythonJsonObject,
  PythonJsonValue,
} from "./judge/python-json-value.js";
export { MAX_JSON_DEPTH, readPythonJson } from "./judge/read-python-json.js";
export { writePythonJson } from "./judge/write-python-json.js";
export { pythonFloatRepr } from "./judge/python-float-repr.js";
export {
  type FormatRationalePromptOptions,
  formatRationalePrompt,
  hasGradableRationale,
  RATIONALE_JUDGE_PROMPT,
} from "./judge/rationale-judge-prompt.js";
export {
  type JudgeKind,
  judgeKindOf,
  parseRubricMode,
  REWARD_SOURCES,
  RUBRIC_MODES,
  type RubricMode,
} from "./judge/rubric-modes.js";
