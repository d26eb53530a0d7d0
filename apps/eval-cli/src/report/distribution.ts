/** Histogram and percentiles of a non-negative quantity (latency, tokens). */
export interface Distribution {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Left edge of the first bin (a multiple of `binWidth` at or below the smallest value). */
  start: number;
  /** Equal-width bins from `start`; the last bin holds everything above. */
  binWidth: number;
  counts: number[];
}

/** Options of {@link describeDistribution}. */
export interface DescribeDistributionOptions {
  values: readonly number[];
  bins?: number;
}

function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) if (raw <= factor * power) return factor * power;
  return 10 * power;
}

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Summarise values: percentiles and a histogram with round bin widths up to the 99th percentile. */
export function describeDistribution(options: DescribeDistributionOptions): Distribution {
  const sorted = Float64Array.from(options.values).sort();
  const bins = options.bins ?? 20;
  const p99 = percentile(sorted, 0.99);
  const min = sorted[0] ?? 0;
  const binWidth = niceStep((p99 - min) / bins || ((sorted.at(-1) ?? 0) - min) / bins);
  const start = Math.floor(min / binWidth) * binWidth;
  const used = Math.max(1, Math.min(bins, Math.floor((p99 - start) / binWidth) + 1));
  const counts = new Array<number>(used).fill(0);
  let sum = 0;
  for (const value of sorted) {
    sum += value;
    counts[Math.min(used - 1, Math.max(0, Math.floor((value - start) / binWidth)))]!++;
  }
  return {
    count: sorted.length,
    mean: sorted.length > 0 ? sum / sorted.length : 0,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99,
    max: sorted.at(-1) ?? 0,
    start,
    binWidth,
    counts,
  };
}
