import type { ModelPrice } from "./model-price.js";

/** Price flags (`--price-input/--price-output`, or the judge's): USD per million tokens, either side. */
export interface PriceFlags {
  priceInput?: number;
  priceOutput?: number;
}

/** `base` with the sides the flags give replaced; its source then says the flags set it. */
export function overridePrice(base: ModelPrice, flags: PriceFlags): ModelPrice {
  if (flags.priceInput === undefined && flags.priceOutput === undefined) return base;
  return {
    inputPerMillion: flags.priceInput ?? base.inputPerMillion,
    outputPerMillion: flags.priceOutput ?? base.outputPerMillion,
    source:
      base.inputPerMillion === null && base.outputPerMillion === null ? "flags" : `flags + ${base.source}`,
  };
}

const isNumberOrNull = (value: unknown): value is number | null =>
  value === null || (typeof value === "number" && Number.isFinite(value));

/**
 * The price a run recorded in metadata.json (`cost` or `judge_cost`: `{price: {input_per_mtok,
 * output_per_mtok, source}}`), or undefined when that block records none.
 */
export function priceRecordedIn(block: unknown): ModelPrice | undefined {
  const price = (block as { price?: Record<string, unknown> } | undefined)?.price;
  if (!price || !isNumberOrNull(price.input_per_mtok) || !isNumberOrNull(price.output_per_mtok))
    return undefined;
  return {
    inputPerMillion: price.input_per_mtok,
    outputPerMillion: price.output_per_mtok,
    source: typeof price.source === "string" ? price.source : "metadata.json",
  };
}
