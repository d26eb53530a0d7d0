import type { RunMetadata } from "./run-metadata.js";

/** Options of {@link runTimestamp}. */
export interface RunTimestampOptions {
  metadata: RunMetadata;
  /** Used when the metadata names no time (e.g. the mtime of results.jsonl). */
  fallback: Date;
}

/**
 * When the run happened, as ISO 8601: `metadata.started_at` (ours), `metadata.timestamp`, else vf-eval's `date` + `time`, else the
 * fallback. Taken from the run rather than the clock so regenerated summaries are byte-identical.
 */
export function runTimestamp(options: RunTimestampOptions): string {
  const { metadata } = options;
  const candidates = [
    metadata.started_at,
    metadata.timestamp,
    metadata.date && metadata.time ? `${metadata.date}T${metadata.time}` : undefined,
    metadata.date,
  ];
  for (const candidate of candidates) {
    if (typeof candidate !== "string") continue;
    const date = new Date(candidate);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return options.fallback.toISOString();
}
