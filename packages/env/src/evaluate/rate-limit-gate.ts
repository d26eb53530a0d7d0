/** Options of {@link RateLimitGate}. */
export interface RateLimitGateOptions {
  /** The run's clock, in ms (the evaluator's injected `now`). */
  now: () => number;
  /** The run's sleep (the evaluator's injected `sleep`); rejects when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * A pool-wide pause after a 429: once any request is rate-limited, no attempt of the run (new rollout or
 * retry) starts before `now + delay`. A later 429 can extend the pause, never shorten it. Requests
 * already in flight are not touched.
 */
export class RateLimitGate {
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private pauseCount = 0;
  private pausedTotal = 0;

  constructor(options: RateLimitGateOptions) {
    this.now = options.now;
    this.sleep = options.sleep;
  }

  /** Pauses started (an extension of a running pause is not a new one). */
  get pauses(): number {
    return this.pauseCount;
  }

  /** Total time the run was paused, in ms (overlapping pauses counted once). */
  get pausedMs(): number {
    return this.pausedTotal;
  }

  /** Pause the pool for `delayMs` from now, unless it is already paused longer. Returns the pause's end. */
  pause(delayMs: number): number {
    const now = this.now();
    const until = now + Math.max(0, delayMs);
    if (until <= this.pausedUntil || until <= now) return this.pausedUntil;
    if (now < this.pausedUntil) {
      this.pausedTotal += until - this.pausedUntil;
    } else {
      this.pauseCount++;
      this.pausedTotal += until - now;
    }
    this.pausedUntil = until;
    return until;
  }

  /**
   * Resolve once the pool is not paused. `waitedUntil`: a time the caller already slept to (e.g. its own
   * backoff), so it waits only for what a longer pause adds. Waits again if the pause is extended meanwhile,
   * but never twice for the same end (so a fake `sleep` that returns at once cannot spin). Rejects when
   * `signal` aborts.
   */
  async wait(signal?: AbortSignal, waitedUntil = Number.NEGATIVE_INFINITY): Promise<void> {
    let reached = waitedUntil;
    while (this.pausedUntil > reached) {
      const target = this.pausedUntil;
      const remaining = target - this.now();
      if (remaining <= 0) return;
      await this.sleep(remaining, signal);
      reached = target;
    }
  }
}
