import type { DatasetFingerprint } from "./dataset-fingerprint.js";

/** metadata.json of a run (the vf-eval fields, plus what `--resume` needs). Never holds a secret. */
export interface RunMetadata {
  env_id: string;
  /** Environment options as given (camelCase). */
  env_args: Record<string, unknown>;
  model: string;
  /** Endpoint, without user info or secret query parameters (`api-version` kept); null for baselines. */
  base_url: string | null;
  /** Parts of the given base URL not written down (`user info`, `query parameter "key"`); `--resume` needs `-b`. */
  base_url_left_out?: string[];
  /** Name of the environment variable holding the key (never the key). */
  api_key_var: string | null;
  num_examples: number;
  rollouts_per_example: number;
  sampling_args: Record<string, unknown>;
  time_ms: number;
  avg_reward: number;
  avg_metrics: Record<string, number>;
  usage: { input_tokens: number; output_tokens: number };
  dataset: { name: string; source: string; split: string; revision: string | null; path: string | null };
  seed: number | null;
  run_id: string;
  /** ISO time the run first started (kept on resume). */
  started_at: string;
  status: "running" | "complete" | "stopped";
  stop_reason: string | null;
  n_errors: number;
  system_prompt_file: string | null;
  version_info: Record<string, string>;
  /** The rows evaluated; `--resume` refuses a dataset that differs. Absent in runs of older versions. */
  dataset_fingerprint?: DatasetFingerprint;
  /** The resolved environment options `--resume` loads again (camelCase, no Hub token). */
  environment_options?: Record<string, unknown>;
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
