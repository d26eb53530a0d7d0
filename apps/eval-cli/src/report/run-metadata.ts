/**
 * `metadata.json` of a run as the report reads it: written by `pnpm eval` (any version), vf-eval or the
 * original's scripts, so every field may be missing. {@link normalizeRunMetadata} puts our
 * `dataset_info` object in `dataset`.
 */
export interface RunMetadata {
  env_id?: string;
  env_args?: Record<string, unknown>;
  model?: string;
  base_url?: string | null;
  num_examples?: number;
  rollouts_per_example?: number;
  sampling_args?: Record<string, unknown>;
  time_ms?: number;
  avg_reward?: number | null;
  avg_metrics?: Record<string, number>;
  usage?: { input_tokens?: number; output_tokens?: number } | null;
  /** Pool-wide pauses after a 429 during the run (written by `pnpm eval`). */
  rate_limit_pauses?: number;
  dataset?: { name?: string; source?: string; split?: string; revision?: string | null } | string;
  dataset_info?: { name?: string; source?: string; split?: string; revision?: string | null };
  seed?: number | null;
  run_id?: string;
  version_info?: Record<string, unknown>;
  /** vf-eval writes the start date and time as strings. */
  date?: string;
  time?: string | number;
  timestamp?: string;
  [key: string]: unknown;
}
