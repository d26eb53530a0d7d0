/** Decides whether a crashed worker may be started again. */
export interface RestartBudget {
  /** Record one crash now; false once more than `limit` crashes fell within the last `windowMs`. */
  allowRestart(): boolean;
}

/** Options of {@link createRestartBudget}. */
export interface RestartBudgetOptions {
  /** Crashes tolerated within the window (default 5). */
  limit?: number;
  /** The window, in ms (default 60 s). */
  windowMs?: number;
  /** The clock, in ms (default `performance.now`). */
  now?: () => number;
}

/**
 * A crash-loop guard: a worker that dies now and then is replaced, but one that dies at once every
 * time it starts (a bug hit by every request, memory exhausted on start) stops the server loudly
 * instead of being restarted forever.
 */
export function createRestartBudget(options: RestartBudgetOptions = {}): RestartBudget {
  const limit = options.limit ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  const crashes: number[] = [];
  return {
    allowRestart() {
      const time = now();
      crashes.push(time);
      while (crashes.length > 0 && crashes[0]! <= time - windowMs) crashes.shift();
      return crashes.length <= limit;
    },
  };
}
