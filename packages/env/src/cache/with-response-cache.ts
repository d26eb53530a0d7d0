import type { ChatModel, GenerateOptions, GenerateResult } from "../model/chat-model.js";
import { responseCacheKey } from "./response-cache-key.js";
import type { ResponseCacheStore } from "./response-cache-store.js";

/** Options of {@link withResponseCache}. */
export interface WithResponseCacheOptions {
  model: ChatModel;
  store: ResponseCacheStore;
  /**
   * The endpoint's identity, part of every key: the base URL without credentials (secret query values
   * masked), or any name that tells servers apart. Never put a key or token here.
   */
  endpoint: string;
  /**
   * Called when the store cannot keep a reply (disk full, database locked past its timeout). The reply
   * is still returned: a cache failure never fails the request. Default: ignore.
   */
  onStoreError?: (error: unknown) => void;
}

/**
 * Wrap a chat model with a response cache: a request seen before (same endpoint, model, messages,
 * sampling arguments and rollout index) is answered from `store` with `cached: true` and no call to the
 * model. Only replies are stored; a call that throws is never cached.
 */
export function withResponseCache(options: WithResponseCacheOptions): ChatModel {
  const { model, store, endpoint } = options;
  return {
    provider: model.provider,
    modelId: model.modelId,
    async doGenerate(request: GenerateOptions): Promise<GenerateResult> {
      const key = responseCacheKey({
        endpoint,
        modelId: model.modelId,
        messages: request.messages,
        samplingArgs: request.samplingArgs,
        tools: request.tools,
        rolloutIndex: request.rolloutIndex,
      });
      const hit = await store.get(key);
      if (hit) return { ...hit, cached: true };
      const { cached: _ignored, ...reply } = await model.doGenerate(request);
      try {
        await store.set(key, reply, { modelId: model.modelId, endpoint });
      } catch (error) {
        options.onStoreError?.(error);
      }
      return reply;
    },
  };
}
