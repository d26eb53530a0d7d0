import { redactSecrets } from "@sv/parser";
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { ChatModel, GenerateOptions, GenerateResult } from "./chat-model.js";
import { createHttpFetch } from "./http-fetch.js";
import { MODEL_ERROR_KINDS, ModelCallError, type ModelErrorKind } from "./model-call-error.js";
import { adaptSamplingArgs } from "./reasoning-model.js";
import { readChatReply } from "./read-chat-reply.js";
import { parseRetryAfter } from "./retry-after.js";
import { splitBaseUrl } from "./split-base-url.js";

export interface OpenAIModelOptions {
  /** Model name sent to the endpoint. */
  modelId: string;
  /** API key; a placeholder is sent when absent (local servers such as vLLM or Ollama ignore it). */
  apiKey?: string;
  /** Any OpenAI-compatible base URL (OpenAI, vLLM, Ollama, OpenRouter, …). */
  baseURL?: string;
  /** Per-request timeout in ms (default 120 000). */
  timeoutMs?: number;
  /**
   * Custom fetch (tests, proxies). Default: a keep-alive `node:http(s)` fetch ({@link createHttpFetch}),
   * much lighter per request than the built-in one.
   */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

const NO_KEY = "sk-no-key-required";

function classify(error: unknown, secrets: readonly string[]): ModelCallError {
  if (ModelCallError.isInstance(error)) return error;
  const message = redactSecrets(error instanceof Error ? error.message : String(error), { secrets });
  const make = (kind: ModelErrorKind, extra: { status?: number; retryAfterMs?: number } = {}) =>
    new ModelCallError({ kind, message, cause: error, ...extra });
  if (error instanceof APIUserAbortError) return make(MODEL_ERROR_KINDS.aborted);
  if (error instanceof APIConnectionTimeoutError) return make(MODEL_ERROR_KINDS.timeout);
  if (error instanceof APIConnectionError) return make(MODEL_ERROR_KINDS.connection);
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const retryAfterMs = parseRetryAfter(error.headers);
    if (status === 429) return make(MODEL_ERROR_KINDS.rateLimit, { status, retryAfterMs });
    if (status >= 500 || status === 408 || status === 409) {
      return make(MODEL_ERROR_KINDS.server, { status, retryAfterMs });
    }
    return make(MODEL_ERROR_KINDS.client, { status });
  }
  if (error instanceof SyntaxError) return make(MODEL_ERROR_KINDS.badResponse);
  return make(MODEL_ERROR_KINDS.connection);
}

/**
 * A {@link ChatModel} over the official `openai` SDK (chat completions), for any OpenAI-compatible
 * endpoint. One client per model, reused for every request; the SDK's own retries are off
 * (`maxRetries: 0`) so the evaluator counts every attempt. Failures become {@link ModelCallError}s
 * whose messages never contain the API key, nor a key given in the base URL's user info or query
 * ({@link redactSecrets}). A reply without a choice or content is an error too ({@link readChatReply}),
 * except that, when the request offers `tools`, a reply with tool calls returns them.
 */
export function createOpenAIModel(options: OpenAIModelOptions): ChatModel {
  const endpoint = splitBaseUrl(options.baseURL);
  const apiKey = options.apiKey || endpoint.userKey;
  const secrets = [...(apiKey ? [apiKey] : []), ...endpoint.secrets];
  const client = new OpenAI({
    apiKey: apiKey || NO_KEY,
    baseURL: endpoint.baseURL,
    defaultQuery: endpoint.query,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 120_000,
    fetch: options.fetch ?? createHttpFetch(),
    defaultHeaders: options.headers,
  });
  const modelId = options.modelId;
  return {
    provider: "openai-compatible",
    modelId,
    async doGenerate({ messages, samplingArgs, signal, tools }: GenerateOptions): Promise<GenerateResult> {
      const offered = tools !== undefined && tools.length > 0;
      let response: OpenAI.Chat.Completions.ChatCompletion;
      try {
        const body = {
          ...adaptSamplingArgs(modelId, samplingArgs),
          model: modelId,
          messages: messages as unknown as OpenAI.Chat.Completions.ChatCompletionMessageParam[],
          stream: false as const,
          ...(offered
            ? {
                tools: tools.map((tool) => ({
                  type: "function" as const,
                  function: { name: tool.name, description: tool.description, parameters: tool.parameters },
                })),
              }
            : {}),
        };
        response = await client.chat.completions.create(body, { signal });
      } catch (error) {
        throw classify(error, secrets);
      }
      return readChatReply(response, { acceptToolCalls: offered });
    },
  };
}
