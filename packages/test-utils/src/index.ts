export { type OpenAIServer, type OpenAIServerOptions, startOpenAIServer } from "./openai-server.js";
export type { ChatRequest, RequestContext, ServerAction } from "./server-action.js";
