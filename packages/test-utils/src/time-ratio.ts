/** Options of {@link timeRatio}. */
export interface TimeRatioOptions<T> {
  /** Builds the input of a given size (called once per size, outside the timing). */
  build(size: number): T;
  /** The work being measured. */
  run(input: T): void;
  /** The small size; the large one is `size * factor`. */
  size: number;
  /** Default 4. */
  factor?: number;
  /** Batches timed per size; the fastest counts (default 7). */
  batches?: number;
  /** Repeat the small run until one batch takes at least this long, so timer resolution does not matter (default 20). */
  minBatchMs?: number;
  /** Clock in ms (default: this process's CPU time, which time spent waiting for other processes does not advance). */
  now?: () => number;
}

/** What {@link timeRatio} measured: the fastest batch of each size, in ms, and large / small. */
export interface TimeRatio {
  ratio: number;
  smallMs: number;
  largeMs: number;
  repetitions: number;
}

/** User + system CPU time of this process, in ms. */
export function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * How much longer `run` takes on an input `factor` times larger: for a linear-time check that holds on
 * a busy machine (`expect(ratio).toBeLessThan(2 * factor)`; quadratic work gives `factor²`). A slower
 * machine scales both sizes alike; time is the process's CPU time (not advanced while other processes
 * run), the two sizes are timed in alternating batches and the fastest batch of each counts, so other
 * processes barely reach the ratio. It never compares with a wall-clock budget.
 */
export function timeRatio<T>(options: TimeRatioOptions<T>): TimeRatio {
  const factor = options.factor ?? 4;
  const batches = options.batches ?? 7;
  const minBatchMs = options.minBatchMs ?? 20;
  const now = options.now ?? processCpuMs;
  const small = options.build(options.size);
  const large = options.build(options.size * factor);
  const batch = (input: T, repetitions: number): number => {
    const started = now();
    for (let index = 0; index < repetitions; index++) options.run(input);
    return now() - started;
  };
  options.run(small); // warm-up: compile the code paths before timing
  options.run(large);
  let repetitions = 1;
  while (repetitions < 1 << 16 && batch(small, repetitions) < minBatchMs) repetitions *= 2;
  let smallMs = Number.POSITIVE_INFINITY;
  let largeMs = Number.POSITIVE_INFINITY;
  for (let index = 0; index < batches; index++) {
    smallMs = Math.min(smallMs, batch(small, repetitions));
    largeMs = Math.min(largeMs, batch(large, repetitions));
  }
  return { ratio: largeMs / Math.max(smallMs, Number.EPSILON), smallMs, largeMs, repetitions };
}
