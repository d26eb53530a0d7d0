/** One measured quantity over repeated runs. */
export interface Figure {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Higher is better (throughput) or lower is better (latency, memory). */
  better: "higher" | "lower";
  note?: string;
}

/** Summarise repeated samples of one quantity. */
export function figure(
  options: Omit<Figure, "median" | "min" | "max" | "runs"> & { samples: number[] },
): Figure {
  const sorted = [...options.samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const { samples: _samples, ...rest } = options;
  return { ...rest, median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}
