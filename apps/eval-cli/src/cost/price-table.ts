/**
 * OpenAI list prices in USD per million tokens (standard tier, not batch or flex, no cached-input
 * discount), as published on https://openai.com/api/pricing, checked 2025-08. Re-checked against
 * third-party price trackers quoting OpenAI's page (2026): every family price here agrees; the one
 * snapshot priced apart from its family, gpt-4o-2024-05-13 ($5 / $15, not gpt-4o's $2.50 / $10), has its
 * own entry, since a dated name otherwise takes its family's price. Not verifiable offline: prices after
 * the check date (OpenAI changes them; o3 fell from $10 / $40 in 2025-06).
 * A small table of our own: the npm package gpt-tokenizer ships `price_data`, but its 4.0.0 figures for
 * current models are not the list prices (gpt-4.1 and gpt-4o at $10/$30, no price for gpt-4.1-mini), so
 * it is not used. Prices change: `--price-input/--price-output` override this table, and metadata.json
 * records the price a run was costed at. Reasoning tokens are output tokens (`completion_tokens` counts
 * them) and are priced as such; cached input tokens are priced in full, so the cost is an upper bound
 * when the provider's prompt cache served part of the input.
 */
export const PRICE_TABLE_DATE = "2025-08";

/** Where {@link PRICE_TABLE} came from, as metadata.json and the report name it. */
export const PRICE_TABLE_SOURCE = `OpenAI list prices, ${PRICE_TABLE_DATE} (sv price table)`;

/** Model name → [input, output] USD per million tokens. */
export const PRICE_TABLE: Readonly<Record<string, readonly [number, number]>> = {
  "gpt-5": [1.25, 10],
  "gpt-5-mini": [0.25, 2],
  "gpt-5-nano": [0.05, 0.4],
  "gpt-4.1": [2, 8],
  "gpt-4.1-mini": [0.4, 1.6],
  "gpt-4.1-nano": [0.1, 0.4],
  "gpt-4o": [2.5, 10],
  "gpt-4o-2024-05-13": [5, 15],
  "gpt-4o-mini": [0.15, 0.6],
  o3: [2, 8],
  "o3-mini": [1.1, 4.4],
  "o4-mini": [1.1, 4.4],
  o1: [15, 60],
  "gpt-4-turbo": [10, 30],
  "gpt-3.5-turbo": [0.5, 1.5],
};
