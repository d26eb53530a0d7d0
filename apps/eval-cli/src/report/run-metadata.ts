/** `metadata.json` of a run (the DESIGN.md "Eval outputs" contract); every field may be missing in old runs. */
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
  avg_metrics?: Record<string, number | null>;
  /** Pool-wide pauses after a 429 during the run (written by `pnpm eval`). */
  rate_limit_pauses?: number;
  usage?: { input_tokens?: number; output_tokens?: number } & Record<string, unknown>;
  dataset?: { name?: string; source?: string; split?: string; revision?: string | null } | string;
  seed?: number | null;
  run_id?: string;
  version_info?: Record<string, unknown>;
  /** vf-eval writes the start date and time as strings. */
  date?: string;
  time?: string;
  timestamp?: string;
  [key: string]: unknown;
}
