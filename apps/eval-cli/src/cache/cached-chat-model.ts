import type { ChatModel } from "@sv/env";
import { openSqliteResponseCache, type SqliteResponseCache, withResponseCache } from "@sv/env/cache";
import { CliError } from "../cli-error.js";
import { cacheEndpoint, responseCachePath } from "./response-cache-settings.js";

/** Options of {@link openCachedChatModel}. */
export interface OpenCachedChatModelOptions {
  model: ChatModel;
  env: NodeJS.ProcessEnv;
  /** The endpoint's base URL (or model provider name) the cache keys on. */
  baseURL: string | undefined;
  /** What the replies are, in the one warning when they cannot be stored: `replies`, `judge replies`. */
  replies: string;
  warn(text: string): void;
}

/**
 * `model` behind the shared response cache under `$SV_CACHE_DIR`. A cache that cannot be opened is a
 * usage error saying how to go on; one that cannot store replies warns once and the run goes on.
 */
export function openCachedChatModel(options: OpenCachedChatModelOptions): {
  model: ChatModel;
  store: SqliteResponseCache;
} {
  let store: SqliteResponseCache;
  try {
    store = openSqliteResponseCache({ path: responseCachePath(options.env) });
  } catch (error) {
    throw new CliError({
      exitCode: 2,
      message: `${(error as Error).message} (move or delete the file, set SV_CACHE_DIR, or run with --no-cache)`,
      cause: error,
    });
  }
  let warned = false;
  const model = withResponseCache({
    model: options.model,
    store,
    endpoint: cacheEndpoint(options.baseURL),
    onStoreError: (error) => {
      if (warned) return;
      warned = true;
      options.warn(
        `warning: the response cache cannot store ${options.replies} (${(error as Error).message}); the run goes on without storing them\n`,
      );
    },
  });
  return { model, store };
}
