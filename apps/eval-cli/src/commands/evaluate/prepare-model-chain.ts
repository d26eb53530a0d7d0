import { adaptSamplingArgs, type ChatModel, type SamplingArgs } from "@sv/env";
import type { SqliteResponseCache } from "@sv/env/cache";
import { openCachedChatModel } from "../../cache/cached-chat-model.js";
import { isCacheEnabled } from "../../cache/response-cache-settings.js";
import { CliError } from "../../cli-error.js";
import { isPriceKnown, type ModelPrice } from "../../cost/model-price.js";
import type { SpendingBudget } from "../../cost/spending-budget.js";
import { type SpendingLimitModel, withSpendingLimit } from "../../cost/spending-limit-model.js";

/** Options of {@link prepareModelChain}. */
export interface PrepareModelChainOptions {
  model: ChatModel;
  price: ModelPrice;
  samplingArgs: SamplingArgs;
  baseURL: string | undefined;
  env: Record<string, string | undefined>;
  /** `--cache` / `--no-cache`; undefined: on at temperature 0. */
  cache: boolean | undefined;
  /** `--max-cost`: the run's spending limit, shared with the judge (undefined: no limit). */
  budget: SpendingBudget | undefined;
  /** Where the one warning goes when the cache cannot store replies. */
  warn: (line: string) => void;
}

/** The model a run calls, wrapped: cache outside (a hit costs nothing), spending limit inside. */
export interface ModelChain {
  model: ChatModel;
  cacheEnabled: boolean;
  limiter: SpendingLimitModel | undefined;
  close(): void;
}

/**
 * Wrap the run's model with the response cache and the spending limit. Baselines are neither cached
 * nor limited (offline and free). `--max-cost` without a known price is an error (it could not be kept).
 */
export function prepareModelChain(options: PrepareModelChainOptions): ModelChain {
  const offline = options.model.provider === "baseline";
  let model = options.model;
  let limiter: SpendingLimitModel | undefined;
  if (options.budget !== undefined && !offline) {
    if (!isPriceKnown(options.price)) {
      throw new CliError({
        exitCode: 2,
        message: `--max-cost needs a price, and none is known for ${options.model.modelId}: give --price-input and --price-output (USD per million tokens)`,
      });
    }
    const maxTokens = options.samplingArgs.max_completion_tokens ?? options.samplingArgs.max_tokens;
    limiter = withSpendingLimit({
      model,
      price: options.price,
      budget: options.budget,
      maxOutputTokens: typeof maxTokens === "number" ? maxTokens : undefined,
    });
    model = limiter;
  }
  // What is sent decides: a reasoning model gets no temperature (it samples at its own), so -T 0 does not
  // make its replies repeatable, and the cache stays opt-in for it.
  const sent = adaptSamplingArgs(options.model.modelId, options.samplingArgs);
  const cacheEnabled = !offline && isCacheEnabled(options.cache, sent);
  if (!offline && options.cache === undefined && options.samplingArgs.temperature === 0 && !cacheEnabled) {
    options.warn(
      `note: ${options.model.modelId} takes no temperature (a reasoning model samples), so its replies are not cached; --cache caches them anyway\n`,
    );
  }
  let store: SqliteResponseCache | undefined;
  if (cacheEnabled) {
    const cached = openCachedChatModel({
      model,
      env: options.env,
      baseURL: options.baseURL,
      replies: "replies",
      warn: options.warn,
    });
    model = cached.model;
    store = cached.store;
  }
  return { model, cacheEnabled, limiter, close: () => store?.close() };
}
