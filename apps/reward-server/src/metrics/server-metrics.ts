import { formatLabels, formatValue } from "./prometheus-text.js";

/** Upper bounds (seconds) of the request latency histogram. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** What the server counts; `render()` is the `GET /metrics` body. */
export interface ServerMetrics {
  /** One finished request: its route (the pattern, or `unmatched`), method, status and duration. */
  observeRequest(options: { route: string; method: string; status: number; seconds: number }): void;
  /** Items scored by a route. */
  addItems(route: string, count: number): void;
  /** A refused or failed request, by route and error code. */
  addError(route: string, code: string): void;
  /** Requests being handled now. */
  setInFlight(count: number): void;
  /** The Prometheus text exposition (version 0.0.4). */
  render(): string;
}

const PREFIX = "sv_reward_server";

function counterLines(name: string, help: string, values: Map<string, number>, keys: string[]): string[] {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} counter`];
  for (const [key, value] of values) {
    const labelValues = key.split("\u0000");
    const labels = Object.fromEntries(keys.map((label, index) => [label, labelValues[index] ?? ""]));
    lines.push(`${name}${formatLabels(labels)} ${formatValue(value)}`);
  }
  return lines;
}

/** Hand-written Prometheus counters, a gauge and a latency histogram (no global registry). */
export function createServerMetrics(): ServerMetrics {
  const requests = new Map<string, number>();
  const items = new Map<string, number>();
  const errors = new Map<string, number>();
  const latency = new Map<string, Histogram>();
  let inFlight = 0;
  const add = (map: Map<string, number>, key: string, count: number) =>
    map.set(key, (map.get(key) ?? 0) + count);

  return {
    observeRequest({ route, method, status, seconds }) {
      add(requests, [route, method, String(status)].join("\u0000"), 1);
      let histogram = latency.get(route);
      if (!histogram) {
        histogram = { counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
        latency.set(route, histogram);
      }
      for (let index = 0; index < LATENCY_BUCKETS.length; index++) {
        if (seconds <= LATENCY_BUCKETS[index]!) histogram.counts[index]!++;
      }
      histogram.sum += seconds;
      histogram.count++;
    },
    addItems: (route, count) => add(items, route, count),
    addError: (route, code) => add(errors, [route, code].join("\u0000"), 1),
    setInFlight(count) {
      inFlight = count;
    },
    render() {
      const name = `${PREFIX}_request_duration_seconds`;
      const histogramLines = [
        `# HELP ${name} Time from request received to response sent, by route.`,
        `# TYPE ${name} histogram`,
      ];
      for (const [route, histogram] of latency) {
        LATENCY_BUCKETS.forEach((bound, index) => {
          const labels = formatLabels({ route, le: formatValue(bound) });
          histogramLines.push(`${name}_bucket${labels} ${histogram.counts[index]}`);
        });
        histogramLines.push(`${name}_bucket${formatLabels({ route, le: "+Inf" })} ${histogram.count}`);
        histogramLines.push(`${name}_sum${formatLabels({ route })} ${formatValue(histogram.sum)}`);
        histogramLines.push(`${name}_count${formatLabels({ route })} ${histogram.count}`);
      }
      return [
        ...counterLines(
          `${PREFIX}_requests_total`,
          "HTTP requests answered, by route, method and status.",
          requests,
          ["route", "method", "status"],
        ),
        ...counterLines(`${PREFIX}_items_scored_total`, "Completions scored, by route.", items, ["route"]),
        ...counterLines(
          `${PREFIX}_errors_total`,
          "Requests refused or failed, by route and error code.",
          errors,
          ["route", "code"],
        ),
        `# HELP ${PREFIX}_in_flight_requests Requests being handled now.`,
        `# TYPE ${PREFIX}_in_flight_requests gauge`,
        `${PREFIX}_in_flight_requests ${inFlight}`,
        ...histogramLines,
        "",
      ].join("\n");
    },
  };
}
