import { join } from "node:path";

/** The Python original's E1 repository on the Hugging Face Hub (gated; request access on its page). */
export const DEFAULT_HUB_REPO = "intertwine-ai/security-verifiers-e1";

/** The public Hugging Face Hub. */
export const DEFAULT_HUB_ENDPOINT = "https://huggingface.co";

/**
 * Where and how to read the Hub tier. Anything left out is read from the environment of the process
 * (`E1_HF_REPO`, `HF_TOKEN`, `HF_ENDPOINT`, `SV_CACHE_DIR`); the local loader reads `SV_DATA_DIR`, and nothing
 * else in the package reads environment variables.
 */
export interface HubOptions {
  /** Dataset repository `owner/name` (default `E1_HF_REPO`, else {@link DEFAULT_HUB_REPO}). */
  repo?: string;
  /** Access token, `hf_…` (default `HF_TOKEN`). Never appears in messages. */
  token?: string;
  /** Hub base URL (default `HF_ENDPOINT`, else {@link DEFAULT_HUB_ENDPOINT}). */
  endpoint?: string;
  /** Branch, tag or commit (default `main`). The loaded commit is reported as `revision`. */
  revision?: string;
  /** Replaces the global `fetch` (tests, proxies). */
  fetch?: typeof fetch;
  /** Keep downloaded files here, keyed by repository and commit, and reuse them (default `$SV_CACHE_DIR/hub`; none without it). */
  cacheDir?: string;
}

/** {@link HubOptions} with the environment and defaults applied. */
export interface HubSettings {
  repo: string;
  token: string | undefined;
  endpoint: string;
  revision: string;
  fetch: typeof fetch;
  cacheDir: string | undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function cacheDirFrom(svCacheDir: string | undefined): string | undefined {
  const dir = nonEmpty(svCacheDir);
  return dir === undefined ? undefined : join(dir, "hub");
}

/** Fill in the Hub settings from the options, then the environment, then the defaults. */
export function resolveHubSettings(options: HubOptions = {}): HubSettings {
  const environment = process.env;
  const repo = nonEmpty(options.repo) ?? nonEmpty(environment.E1_HF_REPO) ?? DEFAULT_HUB_REPO;
  const endpoint = nonEmpty(options.endpoint) ?? nonEmpty(environment.HF_ENDPOINT) ?? DEFAULT_HUB_ENDPOINT;
  return {
    repo: repo.replace(/^datasets\//, ""),
    token: nonEmpty(options.token) ?? nonEmpty(environment.HF_TOKEN),
    endpoint: endpoint.replace(/\/+$/, ""),
    revision: nonEmpty(options.revision) ?? "main",
    fetch: options.fetch ?? globalThis.fetch,
    cacheDir: nonEmpty(options.cacheDir) ?? cacheDirFrom(environment.SV_CACHE_DIR),
  };
}
