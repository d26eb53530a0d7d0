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
/** Characters per token assumed before the first reply tells the real ratio (on the safe side). */
const FIRST_CHARS_PER_TOKEN = 3;

const promptChars = (request: GenerateOptions) =>
  request.messages.reduce(
    (sum, message) =>
      sum +
      (typeof message.content === "string" ? message.content : JSON.stringify(message.content ?? "")).length +
      8,
    0,
  );

/**
 * Wrap a chat model (inside a response cache, so cached replies cost nothing) with a spending limit.
 * Before each request it estimates the request's worst case (its prompt at the largest tokens-per-character
 * seen, and `max_tokens` or the longest reply seen) and, when spent + in flight + that estimate would pass
 * the limit, throws `budget_exceeded` without sending it: `evaluate()` then stops with `max_cost`.
 */
export function withSpendingLimit(options: WithSpendingLimitOptions): SpendingLimitModel {
  const { model, price, limitUsd } = options;
  let spent = options.spentUsd ?? 0;
  let reserved = 0;
  let tokensPerChar: number | undefined;
  let longestReply = 0;
  const estimate = (request: GenerateOptions) => {
    const input = Math.ceil(promptChars(request) * (tokensPerChar ?? 1 / FIRST_CHARS_PER_TOKEN));
    const output = options.maxOutputTokens ?? (longestReply > 0 ? longestReply : FIRST_REPLY_OUTPUT_TOKENS);
    return tokensCostUsd(price, input, output) ?? 0;
  };
  return {
    provider: model.provider,
    modelId: model.modelId,
    get spentUsd() {
      return spent;
    },
    async doGenerate(request) {
      const next = estimate(request);
      if (spent + reserved + next > limitUsd) {
        throw new ModelCallError({
          kind: MODEL_ERROR_KINDS.budgetExceeded,
          message:
            `the next request could pass --max-cost ${formatUsd(limitUsd)} ` +
            `(spent ${formatUsd(spent)}, in flight up to ${formatUsd(reserved)}, next up to ${formatUsd(next)})`,
        });
      }
      reserved += next;
      try {
        const result = await model.doGenerate(request);
        const input = result.usage?.inputTokens;
        const output = result.usage?.outputTokens;
        // A reply without usage counts at its estimate: unknown is not free.
        spent += tokensCostUsd(price, input, output) ?? next;
        if (typeof input === "number" && input > 0) {
          tokensPerChar = Math.max(tokensPerChar ?? 0, input / Math.max(1, promptChars(request)));
        }
        if (typeof output === "number") longestReply = Math.max(longestReply, output);
        return result;
      } finally {
        reserved -= next;
      }
    },
  };
}
