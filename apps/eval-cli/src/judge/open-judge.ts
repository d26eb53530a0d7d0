import { createOpenAIModel, type JudgeOptions } from "@sv/env";
import type { SqliteResponseCache } from "@sv/env/cache";
import { openCachedChatModel } from "../cache/cached-chat-model.js";
import { isCacheEnabled } from "../cache/response-cache-settings.js";
import { CliError } from "../cli-error.js";
import { isPriceKnown, type ModelPrice } from "../cost/model-price.js";
import type { SpendingBudget } from "../cost/spending-budget.js";
import { withSpendingLimit } from "../cost/spending-limit-model.js";
import type { JudgeSettings } from "./judge-settings.js";

/** Options of {@link requireJudgePrice}. */
export interface RequireJudgePriceOptions {
  model: string;
  price: ModelPrice;
  /** `--max-cost` in USD (undefined: no limit, any price will do). */
  maxCostUsd: number | undefined;
}

/**
 * `--max-cost` covers the judge's spend too, so a judge without a known price is a {@link CliError}
 * (exit 2), as a model without one is: the limit could not be kept.
 */
export function requireJudgePrice(options: RequireJudgePriceOptions): void {
  if (options.maxCostUsd === undefined || isPriceKnown(options.price)) return;
  throw new CliError({
    exitCode: 2,
    message: `--max-cost covers the judge too and needs its price, and none is known for the judge ${options.model}: give --judge-price-input and --judge-price-output (USD per million tokens)`,
  });
}

/** Options of {@link openJudge}. */
export interface OpenJudgeOptions {
  settings: JudgeSettings;
  env: Record<string, string | undefined>;
  /** `--cache` / `--no-cache`; undefined: on when the judge's temperature is 0 (its default). */
  cache: boolean | undefined;
  /** `--request-timeout` in ms (0: none). */
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  warn: (line: string) => void;
  /**
   * `--max-cost`: the run's spending limit, shared with the model, and the judge's price (known: see
   * {@link requireJudgePrice}). Each judge request reserves its worst case (its prompt, `max_tokens`).
   */
  limit?: { budget: SpendingBudget; price: ModelPrice };
}

/** The judge a run calls, and what to release afterwards. */
export interface OpenedJudge {
  judge: JudgeOptions;
  cacheEnabled: boolean;
  close(): void;
}

/**
 * The run's judge: an OpenAI-compatible model at the judge's own endpoint, with its own key, answered
 * from the response cache when it is on (keyed by the judge's endpoint, model and messages, so its
 * entries never meet the evaluated model's). With `limit`, the spending limit sits inside the cache, so a
 * cached judge reply costs nothing.
 */
export function openJudge(options: OpenJudgeOptions): OpenedJudge {
  const { settings } = options;
  let model = createOpenAIModel({
    modelId: settings.model,
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeoutMs: options.timeoutMs > 0 ? options.timeoutMs * 2 : undefined,
    fetch: options.fetch,
  });
  if (options.limit) {
    const sampling = settings.samplingArgs;
    const maxTokens = sampling.max_completion_tokens ?? sampling.max_tokens;
    model = withSpendingLimit({
      model,
      price: options.limit.price,
      budget: options.limit.budget,
      maxOutputTokens: typeof maxTokens === "number" ? maxTokens : undefined,
      label: "judge",
    });
  }
  const cacheEnabled = isCacheEnabled(options.cache, settings.samplingArgs);
  let store: SqliteResponseCache | undefined;
  if (cacheEnabled) {
    const cached = openCachedChatModel({
      model,
      env: options.env,
      baseURL: settings.baseURL,
      replies: "judge replies",
      warn: options.warn,
    });
    model = cached.model;
    store = cached.store;
  }
  return {
    judge: { model, samplingArgs: settings.samplingArgs },
    cacheEnabled,
    close: () => store?.close(),
  };
}
