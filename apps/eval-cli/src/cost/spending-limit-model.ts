import { type ChatModel, type GenerateOptions, MODEL_ERROR_KINDS, ModelCallError } from "@sv/env";
import { formatUsd } from "./run-cost.js";
import { type ModelPrice, tokensCostUsd } from "./model-price.js";

/** Options of {@link withSpendingLimit}. */
export interface WithSpendingLimitOptions {
  model: ChatModel;
  /** Both sides known (check with `isPriceKnown` first). */
  price: ModelPrice;
  limitUsd: number;
  /** Dollars already spent (a resumed run's earlier rollouts). */
  spentUsd?: number;
  /** Output tokens a reply may use (`max_tokens`), when set: the hard bound of each estimate. */
  maxOutputTokens?: number;
}

/** A model that refuses requests that could pass a spending limit, with what it has spent. */
export interface SpendingLimitModel extends ChatModel {
  /** Dollars of the replies so far (including `spentUsd`). */
  readonly spentUsd: number;
}

/** Output tokens assumed for a reply before any reply has been seen and without `max_tokens`. */
const FIRST_REPLY_OUTPUT_TOKENS = 1024;
/** Tokens a server may add to a request beyond its messages and tools (chat template, priming). */
const REQUEST_OVERHEAD_TOKENS = 64;

/**
 * An upper bound of a request's input tokens: the UTF-8 bytes of its messages (tool calls and tool answers
 * included) and of the tools it offers, as JSON, plus a fixed overhead. Byte-level BPE tokenizers (GPT,
 * Llama 3, Qwen, ...) never make more tokens than bytes, and the JSON's quotes and keys outweigh the chat
 * template's few tokens per message.
 */
export function inputTokensBound(request: Pick<GenerateOptions, "messages" | "tools">): number {
  const bytes =
    Buffer.byteLength(JSON.stringify(request.messages)) +
    (request.tools && request.tools.length > 0 ? Buffer.byteLength(JSON.stringify(request.tools)) : 0);
  return bytes + REQUEST_OVERHEAD_TOKENS;
}

/** Failures whose request may have reached the model, and been billed, although no reply came back. */
const MAYBE_BILLED = new Set<string>([
  MODEL_ERROR_KINDS.timeout,
  MODEL_ERROR_KINDS.aborted,
  MODEL_ERROR_KINDS.connection,
]);

/**
 * What a failed request counts towards the limit: a reply that came back but failed (`no_content`, such
 * as a reasoning model out of `max_completion_tokens`) at its reported usage, as the provider bills it; a
 * request that may have been processed (timeout, abort, lost connection) at its reservation; an HTTP
 * error (429, 5xx, 4xx) at nothing.
 */
function failedRequestCost(error: unknown, reservation: number, price: ModelPrice): number {
  if (!ModelCallError.isInstance(error)) return reservation;
  if (error.usage)
    return tokensCostUsd(price, error.usage.inputTokens, error.usage.outputTokens) ?? reservation;
  return MAYBE_BILLED.has(error.kind) ? reservation : 0;
}

/** Resolves at the next {@link notify}, or rejects when `signal` aborts. */
function createSettledSignal() {
  let waiters: (() => void)[] = [];
  return {
    wait(signal: AbortSignal | undefined): Promise<void> {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(new ModelCallError({ kind: MODEL_ERROR_KINDS.aborted, message: "aborted" }));
          return;
        }
        const onAbort = () =>
          reject(new ModelCallError({ kind: MODEL_ERROR_KINDS.aborted, message: "aborted" }));
        signal?.addEventListener("abort", onAbort, { once: true });
        waiters.push(() => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        });
      });
    },
    notify() {
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
  };
}

/**
 * Wrap a chat model (inside a response cache, so cached replies cost nothing) with a spending limit.
 * Each request reserves its worst case before it is sent: its input at one token per byte
 * ({@link inputTokensBound}) and its output at `max_tokens` (else the longest reply seen, else 1024).
 * A request whose worst case fits the limit only once requests in flight have settled waits for them;
 * one whose worst case passes the limit whatever they cost (spent + its estimate > limit) throws
 * `budget_exceeded` without being sent, and `evaluate()` stops with `max_cost`. With `max_tokens` the
 * spend can therefore never pass the limit, at any concurrency; without it, a reply longer than every one
 * before can (give `-t`).
 */
export function withSpendingLimit(options: WithSpendingLimitOptions): SpendingLimitModel {
  const { model, price, limitUsd } = options;
  let spent = options.spentUsd ?? 0;
  let reserved = 0;
  /** Requests holding a reservation (a count, so float residue in `reserved` never makes one wait forever). */
  let inFlight = 0;
  let longestReply = 0;
  const settled = createSettledSignal();
  const estimate = (request: GenerateOptions) => {
    const output = options.maxOutputTokens ?? (longestReply > 0 ? longestReply : FIRST_REPLY_OUTPUT_TOKENS);
    return tokensCostUsd(price, inputTokensBound(request), output) ?? 0;
  };
  const refuse = (next: number) =>
    new ModelCallError({
      kind: MODEL_ERROR_KINDS.budgetExceeded,
      message:
        `the next request could pass --max-cost ${formatUsd(limitUsd)} ` +
        `(spent ${formatUsd(spent)}, in flight up to ${formatUsd(reserved)}, next up to ${formatUsd(next)})`,
    });
  return {
    provider: model.provider,
    modelId: model.modelId,
    get spentUsd() {
      return spent;
    },
    async doGenerate(request) {
      let next = estimate(request);
      while (spent + reserved + next > limitUsd) {
        if (spent + next > limitUsd || inFlight === 0) throw refuse(next);
        await settled.wait(request.signal);
        next = estimate(request);
      }
      reserved += next;
      inFlight++;
      try {
        const result = await model.doGenerate(request);
        const output = result.usage?.outputTokens;
        // A reply without usage counts at its estimate: unknown is not free.
        spent += tokensCostUsd(price, result.usage?.inputTokens, output) ?? next;
        if (typeof output === "number") longestReply = Math.max(longestReply, output);
        return result;
      } catch (error) {
        spent += failedRequestCost(error, next, price);
        throw error;
      } finally {
        inFlight--;
        reserved = inFlight === 0 ? 0 : reserved - next;
        settled.notify();
      }
    },
  };
}
