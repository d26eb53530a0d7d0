import type { DatasetFingerprint } from "./dataset-fingerprint.js";
import type { MaxCostRecord } from "../cost/max-cost-record.js";
import type { RunCost } from "../cost/run-cost.js";
import type { RubricRecord } from "../judge/rubric-record.js";
import type { RunAverages } from "./run-averages.js";

/** Where the examples came from (ours; `dataset` holds just the name, as the original's scripts read it). */
export interface DatasetInfo {
  name: string;
  source: string;
  split: string;
  revision: string | null;
  path: string | null;
}

/**
 * metadata.json of a run: vf-eval's fields with vf-eval's meaning (verifiers `verifiers/legacy`), the
 * fields the original's scripts read (`dataset`, `timestamp`, `seed`, `env_version`), and ours under
 * names neither reads. Never holds a secret.
 */
export interface RunMetadata extends RunAverages {
  env_id: string;
  /** `-a/--env-args` exactly as given (`{}` when none). */
  env_args: Record<string, unknown>;
  model: string;
  /** Endpoint, without user info or secret query parameters (`api-version` kept); null for baselines. */
  base_url: string | null;
  num_examples: number;
  rollouts_per_example: number;
  /** vf-eval's `--shuffle` / `--shuffle-seed`: true when `--seed` shuffled the examples. */
  shuffle: boolean;
  shuffle_seed: number | null;
  sampling_args: Record<string, unknown>;
  /** Wall-clock seconds the run took (vf-eval 0.1.14 and later). */
  time: number;
  /** The same in milliseconds (vf-eval 0.1.9 to 0.1.12). */
  time_ms: number;
  state_columns: string[];
  version_info: Record<string, string>;
  /** The dataset's name (the original's scripts expect a string). */
  dataset: string;
  /** ISO time the run first started (the original's `timestamp`; kept on resume). */
  timestamp: string;
  /** The seed that ordered the examples, or null when none did. */
  seed: number | null;
  env_version: string;
  /** Ours from here on. Name of the environment variable holding the key (never the key). */
  api_key_var: string | null;
  dataset_info: DatasetInfo;
  /** The resolved `loadEnvironment` options (flags and `-a` merged), which `--resume` reloads. */
  env_options: Record<string, unknown>;
  run_id: string;
  /** Same as `timestamp`. */
  started_at: string;
  status: "running" | "complete" | "stopped";
  stop_reason: string | null;
  n_errors: number;
  /** Pool-wide pauses after a 429 (HTTP rate limit) across the run, resumed parts included. */
  rate_limit_pauses?: number;
  system_prompt_file: string | null;
  /** Parts of the given base URL not written down (`user info`, `query parameter "key"`); `--resume` needs `-b`. */
  base_url_left_out?: string[];
  /** The rows evaluated; `--resume` refuses a dataset that differs. Absent in runs of older versions. */
  dataset_fingerprint?: DatasetFingerprint;
  /** Ours: whether the response cache was on, and the rollouts it answered. */
  cache?: { enabled: boolean; hits: number };
  /**
   * Ours: the model's cost (price recorded at the start, so `--resume` and `eval report` keep it) and
   * `--max-cost`, which in a judged run covers the judge's spend too (`max_usd_covers`).
   */
  cost?: RunCost & MaxCostRecord;
  /** Judge and hybrid runs only: the rubric mode and the judge (model, endpoint host, sampling, weight, prompt hash). */
  rubric?: RubricRecord;
  /** Judge and hybrid runs: the judge's tokens over its paid calls, apart from the model's `usage`. */
  judge_usage?: { input_tokens: number; output_tokens: number };
  /** Judge and hybrid runs: the judge's cost, apart from the model's `cost`. */
  judge_cost?: RunCost;
  /** Judge and hybrid runs: whether judge replies were cached, and the judge calls the cache answered. */
  judge_cache?: { enabled: boolean; hits: number };
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
