import { formatLabels, formatValue } from "./prometheus-text.js";

/** Upper bounds (seconds) of the request latency histogram. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

/** One route's latency histogram: a count per bucket of {@link LATENCY_BUCKETS} (not cumulative). */
export interface HistogramSnapshot {
  counts: number[];
  sum: number;
  count: number;
}

/**
 * What a server has counted, as plain data (it crosses the IPC channel between cluster workers and
 * their primary). Series are `[key, value]` pairs in first-seen order; a key joins label values with NUL.
 */
export interface MetricsSnapshot {
  requests: [string, number][];
  items: [string, number][];
  errors: [string, number][];
  latency: [string, HistogramSnapshot][];
  inFlight: number;
}

/** A snapshot of nothing counted yet. */
export function emptySnapshot(): MetricsSnapshot {
  return { requests: [], items: [], errors: [], latency: [], inFlight: 0 };
}

function sumSeries(lists: readonly [string, number][][]): [string, number][] {
  const sums = new Map<string, number>();
  for (const list of lists) for (const [key, value] of list) sums.set(key, (sums.get(key) ?? 0) + value);
  return [...sums];
}

/**
 * Several processes' snapshots as one: counters, histogram buckets, sums and counts and the in-flight
 * gauge added up series by series (what a Prometheus user expects of one server behind one port).
 */
export function mergeSnapshots(snapshots: readonly MetricsSnapshot[]): MetricsSnapshot {
  const latency = new Map<string, HistogramSnapshot>();
  for (const snapshot of snapshots) {
    for (const [route, histogram] of snapshot.latency) {
      const merged = latency.get(route);
      if (!merged) {
        latency.set(route, { counts: [...histogram.counts], sum: histogram.sum, count: histogram.count });
        continue;
      }
      histogram.counts.forEach((count, index) => {
        merged.counts[index] = (merged.counts[index] ?? 0) + count;
      });
      merged.sum += histogram.sum;
      merged.count += histogram.count;
    }
  }
  return {
    requests: sumSeries(snapshots.map((snapshot) => snapshot.requests)),
    items: sumSeries(snapshots.map((snapshot) => snapshot.items)),
    errors: sumSeries(snapshots.map((snapshot) => snapshot.errors)),
    latency: [...latency],
    inFlight: snapshots.reduce((sum, snapshot) => sum + snapshot.inFlight, 0),
  };
}

const PREFIX = "sv_reward_server";

function counterLines(name: string, help: string, series: [string, number][], labels: string[]): string[] {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} counter`];
  for (const [key, value] of series) {
    const values = key.split("\u0000");
    lines.push(
      `${name}${formatLabels(Object.fromEntries(labels.map((label, index) => [label, values[index] ?? ""])))} ${formatValue(value)}`,
    );
  }
  return lines;
}

function histogramLines(series: [string, HistogramSnapshot][]): string[] {
  const name = `${PREFIX}_request_duration_seconds`;
  const lines = [
    `# HELP ${name} Time from request received to response sent, by route.`,
    `# TYPE ${name} histogram`,
  ];
  for (const [route, histogram] of series) {
    let cumulative = 0;
    LATENCY_BUCKETS.forEach((bound, index) => {
      cumulative += histogram.counts[index] ?? 0;
      lines.push(`${name}_bucket${formatLabels({ route, le: formatValue(bound) })} ${cumulative}`);
    });
    lines.push(`${name}_bucket${formatLabels({ route, le: "+Inf" })} ${histogram.count}`);
    lines.push(`${name}_sum${formatLabels({ route })} ${formatValue(histogram.sum)}`);
    lines.push(`${name}_count${formatLabels({ route })} ${histogram.count}`);
  }
  return lines;
}

/** The Prometheus text exposition (version 0.0.4) of a snapshot: the `GET /metrics` body. */
export function renderSnapshot(snapshot: MetricsSnapshot): string {
  return [
    ...counterLines(
      `${PREFIX}_requests_total`,
      "HTTP requests answered, by route, method and status.",
      snapshot.requests,
      ["route", "method", "status"],
    ),
    ...counterLines(`${PREFIX}_items_scored_total`, "Completions scored, by route.", snapshot.items, [
      "route",
    ]),
    ...counterLines(
      `${PREFIX}_errors_total`,
      "Requests refused or failed, by route and error code.",
      snapshot.errors,
      ["route", "code"],
    ),
    `# HELP ${PREFIX}_in_flight_requests Requests being handled now.`,
    `# TYPE ${PREFIX}_in_flight_requests gauge`,
    `${PREFIX}_in_flight_requests ${snapshot.inFlight}`,
    ...histogramLines(snapshot.latency),
    "",
  ].join("\n");
}
