export { createServerMetrics, LATENCY_BUCKETS, type ServerMetrics } from "./metrics/server-metrics.js";
export { type OpenedPrompts, type OpenPromptsOptions, openPrompts } from "./prompts/open-prompts.js";
export { type PromptsQuery, parsePromptsQuery } from "./prompts/prompts-query.js";
export { parseGetRewardRequest, replyOf } from "./scoring/get-reward-request.js";
export { type RubricConfig, rubricConfigSchema } from "./scoring/rubric-config.js";
export { parseScoreRequest, type ScoreItem, type ScoreRequest } from "./scoring/score-request.js";
export { scoreItems } from "./scoring/score-items.js";
export { type BearerTokenCheck, createBearerTokenCheck } from "./server/bearer-token.js";
export {
  createRewardServer,
  DEFAULT_BODY_LIMIT,
  type RewardServer,
  type RewardServerOptions,
} from "./server/create-reward-server.js";
export {
  REQUEST_ERROR_CODES,
  RequestError,
  type RequestErrorCode,
  type RequestIssue,
} from "./server/request-error.js";
export { type ServeOptions, type ServingServer, serve } from "./serve.js";
