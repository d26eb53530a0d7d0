import { type ModelPrice, resolveModelPrice } from "../cost/model-price.js";
import { overridePrice, priceRecordedIn } from "../cost/override-price.js";

/** Options of {@link judgePrice}. */
export interface JudgePriceOptions {
  model: string;
  /** metadata.json `judge_cost` of the run (a resumed run, `eval report`). */
  recorded?: unknown;
  /** `--judge-price-input` (USD per million input tokens). */
  priceInput?: number;
  /** `--judge-price-output` (USD per million output tokens). */
  priceOutput?: number;
}

/** The price a run recorded in metadata.json `judge_cost`, else the price table's for the judge model. */
function basePrice(options: JudgePriceOptions): ModelPrice {
  return (
    priceRecordedIn(options.recorded) ??
    resolveModelPrice({ modelId: options.model, provider: "openai-compatible" })
  );
}

/**
 * The judge's price, as the model's is found: `--judge-price-input/--judge-price-output` over the one a
 * run recorded in metadata.json `judge_cost` (so a resumed run and `eval report` keep it), else the price
 * table's for the judge model (null sides when it is not listed).
 */
export function judgePrice(options: JudgePriceOptions): ModelPrice {
  const base = basePrice(options);
  return overridePrice(base, options);
}
