export type { BaselineDefinition, BaselineLoadOptions } from "./baselines/baseline-definition.js";
export { createHeuristicModel, heuristicBaseline } from "./baselines/heuristic-baseline.js";
export {
  type ContextAggregates,
  contextAggregates,
  contextFeatureNames,
  isLearnedModel,
  type LearnedFeature,
  type LearnedFeatureSet,
  type LearnedModel,
  type LearnedPrediction,
  learnedFeatureNames,
  learnedFeatures,
  learnedLogit,
  questionFeatures,
  type PredictLearnedOptions,
  predictLearned,
} from "./baselines/learned/index.js";
export { createLearnedModel, LEARNED_MODEL_FILE, learnedBaseline } from "./baselines/learned-baseline.js";
export { type HeuristicVerdict, heuristicVerdict } from "./baselines/heuristic-rules.js";
export { BASELINES, isBaselineName, type LoadBaselineOptions, loadBaseline } from "./baselines/registry.js";
export { ENV_ERROR_CODES, EnvError, type EnvErrorCode } from "./env-error.js";
export type { Environment } from "./environment.js";
export {
  ENV_MODES,
  type EnvironmentOptions,
  type EnvMode,
  parseEnvironmentOptions,
} from "./environment-options.js";
export { type BackoffOptions, backoffDelay } from "./evaluate/backoff.js";
export type { EvaluateOptions } from "./evaluate/evaluate-options.js";
export type { EvaluationRun } from "./evaluate/evaluation-run.js";
export type { EvaluationProgress, EvaluationSummary, StopReason } from "./evaluate/evaluation-summary.js";
export type { RolloutError, RolloutResult } from "./evaluate/rollout-result.js";
export { loadEnvironment } from "./load-environment.js";
export type { JudgeOptions } from "./judge/judge-options.js";
export { type JudgeRecord, MAX_JUDGE_REPLY_CHARS, type ProgrammaticScores } from "./judge/judge-record.js";
export { judgeMessages } from "./judge/judge-rollout.js";
export type { JudgeSummary } from "./judge/judge-summary.js";
export type {
  ChatModel,
  GenerateOptions,
  GenerateResult,
  SamplingArgs,
  TokenUsage,
  ToolCall,
  ToolDefinition,
} from "./model/chat-model.js";
export {
  MODEL_ERROR_KINDS,
  ModelCallError,
  type ModelCallErrorOptions,
  type ModelErrorKind,
} from "./model/model-call-error.js";
export { createOpenAIModel, type OpenAIModelOptions } from "./model/openai-model.js";
export { type ReadChatReplyOptions, readChatReply } from "./model/read-chat-reply.js";
export {
  type AnswerFlowToolOptions,
  answerFlowTool,
  DEFAULT_TOOL_LIMIT,
  FLOW_TOOL_NAMES,
  FLOW_TOOLS,
  type FlowToolScope,
  MAX_TOOL_LIMIT,
  type ToolAnswer,
} from "./multi-turn/flow-tools.js";
export { DEFAULT_MAX_TURNS } from "./multi-turn/multi-turn-setup.js";
export type {
  ConversationOutcome,
  RecordedToolCall,
  RecordedToolResult,
  ToolRecord,
} from "./multi-turn/tool-record.js";
export { adaptSamplingArgs, isReasoningModel } from "./model/reasoning-model.js";
export { type HeaderSource, parseRetryAfter } from "./model/retry-after.js";
export { DEFAULT_SYSTEM_PROMPT, MULTI_TURN_PROMPT_SUFFIX } from "./system-prompt.js";
export type { AttemptHooks, RolloutTrace } from "./tracing/rollout-trace.js";
export { type RolloutIds, TRACER_NAME } from "./tracing/run-trace.js";
export { SPAN_ATTRIBUTES } from "./tracing/span-attributes.js";
export { SPAN_NAMES, type SpanName } from "./tracing/span-names.js";
export type { StepAttributes, StepWrapper, TraceStep, WrappedStep } from "./tracing/traced-step.js";
export type { TracingOptions } from "./tracing/tracing-options.js";
export { ENV_ID, ENV_VERSION } from "./version.js";
