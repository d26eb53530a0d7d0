/** metadata.json of a run (the vf-eval fields, plus what `--resume` needs). Never holds a secret. */
export interface RunMetadata {
  env_id: string;
  /** Environment options as given (camelCase). */
  env_args: Record<string, unknown>;
  model: string;
  /** Endpoint, without credentials or query string; null for baselines. */
  base_url: string | null;
  /** Name of the environment variable holding the key (never the key). */
  api_key_var: string | null;
  num_examples: number;
  rollouts_per_example: number;
  sampling_args: Record<string, unknown>;
  time_ms: number;
  /** Mean reward over rollouts without error; null when every rollout failed. */
  avg_reward: number | null;
  avg_metrics: Record<string, number | null>;
  usage: { input_tokens: number; output_tokens: number };
  dataset: { name: string; source: string; split: string; revision: string | null; path: string | null };
  seed: number | null;
  run_id: string;
  /** ISO time the run first started (kept on resume). */
  started_at: string;
  status: "running" | "complete" | "stopped";
  stop_reason: string | null;
  n_errors: number;
  /** Pool-wide pauses after a 429 (HTTP rate limit) across the run, resumed parts included. */
  rate_limit_pauses?: number;
  system_prompt_file: string | null;
  version_info: Record<string, string>;
}

/** A base URL safe to write down: no user/password, no query string or fragment. */
export function redactUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    parsed.search = "";
    parsed.hash = "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return "(invalid url)";
  }
}
