export { type ResponseCacheKeyOptions, responseCacheKey } from "./response-cache-key.js";
export {
  type CachedReply,
  type CacheEntryInfo,
  createMemoryResponseCache,
  type ResponseCacheStore,
} from "./response-cache-store.js";
export {
  type OpenSqliteResponseCacheOptions,
  openSqliteResponseCache,
  type ResponseCacheModelStats,
  type ResponseCacheStats,
  type SqliteResponseCache,
} from "./sqlite-response-cache.js";
export { type WithResponseCacheOptions, withResponseCache } from "./with-response-cache.js";
