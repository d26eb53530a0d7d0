import type { GenerateResult } from "../model/chat-model.js";

/** A reply as a response cache keeps it: what the model returned, without the `cached` mark. */
export type CachedReply = Omit<GenerateResult, "cached">;

/** What a store records beside the reply (secret-free, for `stats` and for people reading the database). */
export interface CacheEntryInfo {
  /** The model's name (`ChatModel.modelId`). */
  modelId: string;
  /** The endpoint's identity as given to {@link withResponseCache} (no credentials). */
  endpoint: string;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Where a response cache keeps replies, by key. Implementations must be safe to share: a `set` of a key
 * that already holds a reply keeps either reply (both answer the same request).
 */
export interface ResponseCacheStore {
  get(key: string): MaybePromise<CachedReply | undefined>;
  set(key: string, reply: CachedReply, info: CacheEntryInfo): MaybePromise<void>;
}

/** A store in memory (tests, one-process notebooks). */
export function createMemoryResponseCache(): ResponseCacheStore & { readonly size: number } {
  const entries = new Map<string, CachedReply>();
  return {
    get: (key) => entries.get(key),
    set: (key, reply) => {
      if (!entries.has(key)) entries.set(key, reply);
    },
    get size() {
      return entries.size;
    },
  };
}
