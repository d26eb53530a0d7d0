import * as models from "gpt-tokenizer/models";

/** USD per million tokens; a side is null when no price is known for it. */
export interface ModelPrice {
  inputPerMillion: number | null;
  outputPerMillion: number | null;
  /** Where the price came from: `flags`, `offline` (baselines), the table's name, or `unknown`. */
  source: string;
}

/** The maintained table we read list prices from (OpenAI models; main, non-batch prices). */
export const PRICE_TABLE_SOURCE = "gpt-tokenizer/models price_data (OpenAI list prices)";

interface PriceSpec {
  price_data?: { main?: { input?: number; output?: number } };
}

const table = models as unknown as Record<string, PriceSpec | undefined>;

/** The table's list price of a model (`gpt-4.1-mini`, `openai/gpt-4.1-mini`), or undefined. */
export function listPrice(modelId: string): { input?: number; output?: number } | undefined {
  const bare = modelId.replace(/^openai\//i, "");
  for (const name of [bare, bare.toLowerCase()]) {
    const main = Object.hasOwn(table, name) ? table[name]?.price_data?.main : undefined;
    if (main && (main.input !== undefined || main.output !== undefined)) return main;
  }
  return undefined;
}

/** Options of {@link resolveModelPrice}. */
export interface ResolveModelPriceOptions {
  modelId: string;
  /** `baseline` models run offline and cost nothing. */
  provider: string;
  /** `--price-input` / `--price-output`, USD per million tokens; each wins over the table. */
  priceInput?: number;
  priceOutput?: number;
}

/**
 * The price of a model: flags first, then the table; a side neither knows stays null (cost n/a, never
 * 0). Baselines cost 0.
 */
export function resolveModelPrice(options: ResolveModelPriceOptions): ModelPrice {
  if (options.provider === "baseline") return { inputPerMillion: 0, outputPerMillion: 0, source: "offline" };
  const listed = listPrice(options.modelId);
  const input = options.priceInput ?? listed?.input ?? null;
  const output = options.priceOutput ?? listed?.output ?? null;
  const fromFlags = options.priceInput !== undefined || options.priceOutput !== undefined;
  const fromTable =
    (options.priceInput === undefined && listed?.input !== undefined) ||
    (options.priceOutput === undefined && listed?.output !== undefined);
  const source = [fromFlags ? "flags" : null, fromTable ? PRICE_TABLE_SOURCE : null]
    .filter(Boolean)
    .join(" + ");
  return { inputPerMillion: input, outputPerMillion: output, source: source || "unknown" };
}

/** True when both sides are known. */
export function isPriceKnown(price: ModelPrice): boolean {
  return price.inputPerMillion !== null && price.outputPerMillion !== null;
}

/** Dollars for a number of tokens, or null when the price or a count is unknown. */
export function tokensCostUsd(
  price: ModelPrice,
  inputTokens: number | null | undefined,
  outputTokens: number | null | undefined,
): number | null {
  if (price.inputPerMillion === null || price.outputPerMillion === null) return null;
  if (typeof inputTokens !== "number" || typeof outputTokens !== "number") return null;
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000;
}
