import {
  type HistogramSnapshot,
  LATENCY_BUCKETS,
  type MetricsSnapshot,
  renderSnapshot,
} from "./metrics-snapshot.js";

export { LATENCY_BUCKETS } from "./metrics-snapshot.js";

/** What the server counts; `render()` is this process's `GET /metrics` body. */
export interface ServerMetrics {
  /** One finished request: its route (the pattern, or `unmatched`), method, status and duration. */
  observeRequest(options: { route: string; method: string; status: number; seconds: number }): void;
  /** Items scored by a route. */
  addItems(route: string, count: number): void;
  /** A refused or failed request, by route and error code. */
  addError(route: string, code: string): void;
  /** Requests being handled now. */
  setInFlight(count: number): void;
  /** Everything counted so far, as plain data (a copy). */
  snapshot(): MetricsSnapshot;
  /** The Prometheus text exposition (version 0.0.4) of this process's counts. */
  render(): string;
}

/** Hand-written Prometheus counters, a gauge and a latency histogram (no global registry). */
export function createServerMetrics(): ServerMetrics {
  const requests = new Map<string, number>();
  const items = new Map<string, number>();
  const errors = new Map<string, number>();
  const latency = new Map<string, HistogramSnapshot>();
  let inFlight = 0;
  const add = (map: Map<string, number>, key: string, count: number) =>
    map.set(key, (map.get(key) ?? 0) + count);
  const snapshot = (): MetricsSnapshot => ({
    requests: [...requests],
    items: [...items],
    errors: [...errors],
    latency: [...latency].map(([route, histogram]) => [
      route,
      { counts: [...histogram.counts], sum: histogram.sum, count: histogram.count },
    ]),
    inFlight,
  });

  return {
    observeRequest({ route, method, status, seconds }) {
      add(requests, [route, method, String(status)].join("\u0000"), 1);
      let histogram = latency.get(route);
      if (!histogram) {
        histogram = { counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
        latency.set(route, histogram);
      }
      const bucket = LATENCY_BUCKETS.findIndex((bound) => seconds <= bound);
      if (bucket >= 0) histogram.counts[bucket]!++;
      histogram.sum += seconds;
      histogram.count++;
    },
    addItems: (route, count) => add(items, route, count),
    addError: (route, code) => add(errors, [route, code].join("\u0000"), 1),
    setInFlight(count) {
      inFlight = count;
    },
    snapshot,
    render: () => renderSnapshot(snapshot()),
  };
}
