import type { ChatModel, GenerateOptions, GenerateResult } from "../model/chat-model.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { type BackoffOptions, backoffDelay } from "./backoff.js";
import type { RateLimitGate } from "./rate-limit-gate.js";

export interface RetryPolicy extends BackoffOptions {
  /** Retries after the first attempt (default 5). */
  maxRetries: number;
  /** Per-attempt timeout in ms; none when undefined. */
  timeoutMs: number | undefined;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  /** Pool-wide pause after a 429: every attempt waits at it, every 429 pauses it. None: per-request only. */
  gate?: RateLimitGate;
  /** The gate's clock (required with `gate`). */
  now?: () => number;
  /** Called before each retry's wait. */
  onRetry?: (error: ModelCallError, retry: number, delayMs: number) => void;
  /** Wraps each attempt (tracing): calls `run` once and settles as it does. */
  wrapAttempt?: (attempt: number, run: () => Promise<GenerateResult>) => Promise<GenerateResult>;
}

export type GenerateOutcome =
  | { ok: true; result: GenerateResult; attempts: number }
  | { ok: false; error: ModelCallError; attempts: number };

function toModelError(error: unknown): ModelCallError {
  if (ModelCallError.isInstance(error)) return error;
  return new ModelCallError({
    kind: MODEL_ERROR_KINDS.client,
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

async function attempt(
  model: ChatModel,
  options: GenerateOptions,
  timeoutMs: number | undefined,
  runSignal: AbortSignal,
): Promise<GenerateResult> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onRunAbort = () => controller.abort(runSignal.reason);
  runSignal.addEventListener("abort", onRunAbort, { once: true });
  const timeout = new Promise<never>((_, reject) => {
    if (timeoutMs === undefined) return;
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      reject(
        new ModelCallError({ kind: MODEL_ERROR_KINDS.timeout, message: `no reply within ${timeoutMs} ms` }),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([model.doGenerate({ ...options, signal: controller.signal }), timeout]);
  } catch (error) {
    if (timedOut) {
      throw new ModelCallError({
        kind: MODEL_ERROR_KINDS.timeout,
        message: `no reply within ${timeoutMs} ms`,
      });
    }
    if (runSignal.aborted) {
      throw new ModelCallError({ kind: MODEL_ERROR_KINDS.aborted, message: "the run was aborted" });
    }
    throw toModelError(error);
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener("abort", onRunAbort);
  }
}

/**
 * Call the model, retrying 429s (after `Retry-After`), 5xx, timeouts, resets and garbled replies with
 * exponential backoff and jitter. With a `gate`, each attempt first waits out a pool-wide 429 pause, and
 * each 429 (retried or not) pauses the pool. Never throws: a call that still fails comes back as
 * `{ok: false}`.
 */
export async function generateWithRetries(
  model: ChatModel,
  options: GenerateOptions,
  policy: RetryPolicy,
  runSignal: AbortSignal,
): Promise<GenerateOutcome> {
  const gate = policy.gate;
  const now = policy.now ?? (() => performance.now());
  let attempts = 0;
  // The time this rollout already slept to (its own backoff), so the gate adds only a longer pause.
  let waitedUntil = Number.NEGATIVE_INFINITY;
  while (true) {
    try {
      await gate?.wait(runSignal, waitedUntil);
    } catch {
      return { ok: false, error: abortedError(), attempts };
    }
    attempts++;
    try {
      const run = () => attempt(model, options, policy.timeoutMs, runSignal);
      const result = await (policy.wrapAttempt ? policy.wrapAttempt(attempts, run) : run());
      return { ok: true, result, attempts };
    } catch (caught) {
      const error = toModelError(caught);
      const retry = attempts;
      const willRetry = error.retryable && retry <= policy.maxRetries && !runSignal.aborted;
      const rateLimited =
        gate !== undefined && error.kind === MODEL_ERROR_KINDS.rateLimit && !runSignal.aborted;
      if (!willRetry && !rateLimited) return { ok: false, error, attempts };
      const delayMs = backoffDelay(retry, policy.random, error.retryAfterMs, policy);
      // The pool pauses for the server's Retry-After when given, else for this request's own backoff.
      if (rateLimited) gate.pause(retryAfterPause(error.retryAfterMs, policy) ?? delayMs);
      if (!willRetry) return { ok: false, error, attempts };
      policy.onRetry?.(error, retry, delayMs);
      const sleptFrom = now();
      try {
        await policy.sleep(delayMs, runSignal);
      } catch {
        return { ok: false, error: abortedError(), attempts };
      }
      waitedUntil = sleptFrom + delayMs;
    }
  }
}

function retryAfterPause(retryAfterMs: number | undefined, policy: BackoffOptions): number | undefined {
  return retryAfterMs === undefined ? undefined : Math.min(retryAfterMs, policy.maxRetryAfterMs ?? 120_000);
}

function abortedError(): ModelCallError {
  return new ModelCallError({ kind: MODEL_ERROR_KINDS.aborted, message: "the run was aborted" });
}
