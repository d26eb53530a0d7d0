import type { ChatModel, GenerateOptions, GenerateResult } from "../model/chat-model.js";
import { MODEL_ERROR_KINDS, ModelCallError } from "../model/model-call-error.js";
import { type BackoffOptions, backoffDelay } from "./backoff.js";

export interface RetryPolicy extends BackoffOptions {
  /** Retries after the first attempt (default 5). */
  maxRetries: number;
  /** Per-attempt timeout in ms; none when undefined. */
  timeoutMs: number | undefined;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  /** Called before each retry's wait. */
  onRetry?: (error: ModelCallError, retry: number, delayMs: number) => void;
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
 * exponential backoff and jitter. Never throws: a call that still fails comes back as `{ok: false}`.
 */
export async function generateWithRetries(
  model: ChatModel,
  options: GenerateOptions,
  policy: RetryPolicy,
  runSignal: AbortSignal,
): Promise<GenerateOutcome> {
  let attempts = 0;
  while (true) {
    attempts++;
    try {
      const result = await attempt(model, options, policy.timeoutMs, runSignal);
      return { ok: true, result, attempts };
    } catch (caught) {
      const error = toModelError(caught);
      const retry = attempts;
      if (!error.retryable || retry > policy.maxRetries || runSignal.aborted) {
        return { ok: false, error, attempts };
      }
      const delayMs = backoffDelay(retry, policy.random, error.retryAfterMs, policy);
      policy.onRetry?.(error, retry, delayMs);
      try {
        await policy.sleep(delayMs, runSignal);
      } catch {
        return {
          ok: false,
          error: new ModelCallError({ kind: MODEL_ERROR_KINDS.aborted, message: "the run was aborted" }),
          attempts,
        };
      }
    }
  }
}
