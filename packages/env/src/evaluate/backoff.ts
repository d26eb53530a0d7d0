/** Retry timing. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter (default 500 ms). */
  baseDelayMs?: number;
  /** Cap of the exponential delay (default 30 s). */
  maxDelayMs?: number;
  /** Cap of a server's `Retry-After` (default 120 s). */
  maxRetryAfterMs?: number;
}

/**
 * Wait before retry number `retry` (1-based): exponential with "equal jitter" (half fixed, half random),
 * and never shorter than the server's `Retry-After`.
 */
export function backoffDelay(
  retry: number,
  random: () => number,
  retryAfterMs: number | undefined,
  options: BackoffOptions = {},
): number {
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  const exponential = Math.min(cap, base * 2 ** Math.max(0, retry - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  if (retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, options.maxRetryAfterMs ?? 120_000));
}

/** `setTimeout` as a promise that rejects when `signal` aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
