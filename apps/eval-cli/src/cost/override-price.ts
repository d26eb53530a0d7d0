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
