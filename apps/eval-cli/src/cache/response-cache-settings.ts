import { homedir } from "node:os";
import { join } from "node:path";
import type { SamplingArgs } from "@sv/env";
import { redactSecrets } from "@sv/parser";

/** The endpoint a run without `--api-base-url` asks (never `$OPENAI_BASE_URL`: vf-eval's default too). */
export const OPENAI_BASE_URL = "https://api.openai.com/v1";

/** `$SV_CACHE_DIR/responses.sqlite`, else `$XDG_CACHE_HOME/sv-e1/…`, else `~/.cache/sv-e1/…` (as the Hub cache). */
export function responseCachePath(env: Record<string, string | undefined>): string {
  const root = env.SV_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "sv-e1");
  return join(root, "responses.sqlite");
}

/**
 * Whether a run uses the response cache: `--cache`/`--no-cache` when given, else on exactly when the
 * temperature is 0 (a sampled run would otherwise repeat one sample).
 */
export function isCacheEnabled(flag: boolean | undefined, samplingArgs: SamplingArgs): boolean {
  return flag ?? samplingArgs.temperature === 0;
}

/**
 * The endpoint's identity in cache keys: the base URL without user info or fragment, with secret query
 * values masked (so a new key still hits) and other query parameters kept (they can change the answer).
 */
export function cacheEndpoint(baseURL: string | undefined): string {
  if (!baseURL) return OPENAI_BASE_URL;
  try {
    const url = new URL(baseURL);
    url.username = "";
    url.password = "";
    url.hash = "";
    url.searchParams.sort();
    return redactSecrets(url.toString()).replace(/\/(?=$|\?)/, "");
  } catch {
    return redactSecrets(baseURL);
  }
}
