/** How much temporal context a context build gives each sampled flow (plain data: crosses worker threads). */
export interface ContextOptions {
  /** K: at most this many earlier flows of the same originator host (1–100). */
  flows: number;
  /** Only earlier flows that started at most this many seconds before the flow (whole seconds). */
  windowSeconds: number;
  /** Originator hosts whose recent flows are kept per file; the least recently seen is evicted first. */
  maxHosts: number;
}

export const DEFAULT_CONTEXT_WINDOW_SECONDS = 300;
export const DEFAULT_CONTEXT_MAX_HOSTS = 10_000;
export const MAX_CONTEXT_FLOWS = 100;

/** Counts of one file's context pass, summed over files in the context manifest. */
export interface ContextStats {
  /** Flows remembered as possible context (valid label, time and originator host). */
  flows_remembered: number;
  /** Flows without a usable time or originator host: they get no context and are never context. */
  flows_without_time_or_host: number;
  /** Flows that started before a flow of the same host written earlier in the file (ts not sorted). */
  flows_out_of_order: number;
  /** Hosts evicted (least recently seen first) because more than `maxHosts` were kept at once. */
  hosts_evicted: number;
  /** Remembered flows dropped from a context because a value failed the question checks. */
  context_flows_invalid: number;
}

/** All-zero {@link ContextStats}. */
export function emptyContextStats(): ContextStats {
  return {
    flows_remembered: 0,
    flows_without_time_or_host: 0,
    flows_out_of_order: 0,
    hosts_evicted: 0,
    context_flows_invalid: 0,
  };
}

/** Add `more` into `total`, field by field. */
export function addContextStats(total: ContextStats, more: ContextStats): void {
  for (const key of Object.keys(total) as (keyof ContextStats)[]) total[key] += more[key];
}
