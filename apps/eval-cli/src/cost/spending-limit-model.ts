import { type ChatModel, type GenerateOptions, MODEL_ERROR_KINDS, ModelCallError } from "@sv/env";
import { formatUsd } from "./run-cost.js";
import { createSpendingBudget, type SpendingBudget } from "./spending-budget.js";
import { type ModelPrice, tokensCostUsd } from "./model-price.js";

/** Options of {@link withSpendingLimit}. */
export interface WithSpendingLimitOptions {
  model: ChatModel;
  /** Both sides known (check with `isPriceKnown` first). */
  price: ModelPrice;
  /** The limit this model draws on, shared with others (the judge); else `limitUsd` and `spentUsd` make one. */
  budget?: SpendingBudget;
  limitUsd?: number;
  /** Dollars already spent (a resumed run's earlier rollouts). */
  spentUsd?: number;
  /** How refusals name the requester (`the judge's`), default none. */
  label?: string;
  /** Output tokens a reply may use (`max_tokens`), when set: the hard bound of each estimate. */
  maxOutputTokens?: number;
}

/** A model that refuses requests that could pass a spending limit, with what it has spent. */
export interface SpendingLimitModel extends ChatModel {
  /** Dollars of the replies so far on its budget (including `spentUsd`, and a judge's when shared). */
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

/**
 * Wrap a chat model (inside a response cache, so cached replies cost nothing) with a spending limit.
 * Each request reserves its worst case before it is sent: its input at one token per byte
 * ({@link inputTokensBound}) and its output at `max_tokens` (else the longest reply seen, else 1024).
 * A request whose worst case fits the limit only once requests in flight have settled waits for them;
 * one whose worst case passes the limit whatever they cost (spent + its estimate > limit) throws
 * `budget_exceeded` without being sent, and `evaluate()` stops with `max_cost`. With `max_tokens` the
 * spend can therefore never pass the limit, at any concurrency; without it, a reply longer than every one
 * before can (give `-t`). Models given the same `budget` (the evaluated model and the judge) share one
 * limit: each reserves its own worst case at its own price.
 */
export function withSpendingLimit(options: WithSpendingLimitOptions): SpendingLimitModel {
  const { model, price } = options;
  const budget =
    options.budget ??
    createSpendingBudget({ limitUsd: options.limitUsd ?? Number.NaN, spentUsd: options.spentUsd });
  if (!(budget.limitUsd > 0)) throw new RangeError("withSpendingLimit: a positive limit is needed");
  const limitUsd = budget.limitUsd;
  let longestReply = 0;
  const estimate = (request: GenerateOptions) => {
    const output = options.maxOutputTokens ?? (longestReply > 0 ? longestReply : FIRST_REPLY_OUTPUT_TOKENS);
    return tokensCostUsd(price, inputTokensBound(request), output) ?? 0;
  };
  const refuse = (next: number) =>
    new ModelCallError({
      kind: MODEL_ERROR_KINDS.budgetExceeded,
      message:
        `the next ${options.label ? `${options.label} ` : ""}request could pass --max-cost ${formatUsd(limitUsd)} ` +
        `(spent ${formatUsd(budget.spentUsd)}, in flight up to ${formatUsd(budget.reservedUsd)}, next up to ${formatUsd(next)})`,
    });
  return {
    provider: model.provider,
    modelId: model.modelId,
    get spentUsd() {
      return budget.spentUsd;
    },
    async doGenerate(request) {
      let next = estimate(request);
      while (budget.spentUsd + budget.reservedUsd + next > limitUsd) {
        if (budget.spentUsd + next > limitUsd || budget.inFlight === 0) throw refuse(next);
        await budget.waitForSettled(request.signal);
        next = estimate(request);
      }
      budget.reservedUsd += next;
      budget.inFlight++;
      try {
        const result = await model.doGenerate(request);
        const output = result.usage?.outputTokens;
        // A reply without usage counts at its estimate: unknown is not free.
        budget.spentUsd += tokensCostUsd(price, result.usage?.inputTokens, output) ?? next;
        if (typeof output === "number") longestReply = Math.max(longestReply, output);
        return result;
      } catch (error) {
        budget.spentUsd += failedRequestCost(error, next, price);
        throw error;
      } finally {
        budget.inFlight--;
        budget.reservedUsd = budget.inFlight === 0 ? 0 : budget.reservedUsd - next;
        budget.notifySettled();
      }
    },
  };
}
