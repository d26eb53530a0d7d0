import { PRICE_TABLE, PRICE_TABLE_SOURCE } from "./price-table.js";

/** USD per million tokens; a side is null when no price is known for it. */
export interface ModelPrice {
  inputPerMillion: number | null;
  outputPerMillion: number | null;
  /** Where the price came from: `flags`, `offline` (baselines), the table's name, or `unknown`. */
  source: string;
}

/**
 * The table's list price of a model: `gpt-4.1-mini`, `openai/gpt-4.1-mini` (OpenRouter) and dated
 * snapshots like `gpt-4.1-mini-2025-04-14` all find `gpt-4.1-mini`. Undefined when not listed.
 */
export function listPrice(modelId: string): { input: number; output: number } | undefined {
  const bare = modelId.replace(/^openai\//i, "").toLowerCase();
  for (const name of [bare, bare.replace(/-\d{4}-\d{2}-\d{2}$/, "")]) {
    const entry = Object.hasOwn(PRICE_TABLE, name) ? PRICE_TABLE[name] : undefined;
    if (entry) return { input: entry[0], output: entry[1] };
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
