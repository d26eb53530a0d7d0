import type { HubOptions } from "@sv/dataset";
import type { MetricsSnapshot } from "../metrics/metrics-snapshot.js";
import type { ServerMetrics } from "../metrics/server-metrics.js";
import type { RubricCache } from "../scoring/rubric-cache.js";

/** What the routes share. */
export interface ServerContext {
  metrics: ServerMetrics;
  rubrics: RubricCache;
  dataDir: string;
  systemPrompt: string;
  hub?: HubOptions;
  demoPath?: string;
  /** Where unexpected errors are reported (one line each, never a token). */
  log: (line: string) => void;
  /** The counts `GET /metrics` shows: this process's, or every cluster worker's summed. */
  metricsSnapshot: () => Promise<MetricsSnapshot>;
}
