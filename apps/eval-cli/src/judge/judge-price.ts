import { type ModelPrice, resolveModelPrice } from "../cost/model-price.js";

const isNumberOrNull = (value: unknown): value is number | null =>
  value === null || (typeof value === "number" && Number.isFinite(value));

/**
 * The judge's price: the one a run recorded in metadata.json `judge_cost` (so a resumed run and
 * `eval report` keep it), else the price table's for the judge model (null sides when it is not listed).
 */
export function judgePrice(options: { model: string; recorded?: unknown }): ModelPrice {
  const recorded = options.recorded as { price?: Record<string, unknown> } | undefined;
  const price = recorded?.price;
  if (price && isNumberOrNull(price.input_per_mtok) && isNumberOrNull(price.output_per_mtok)) {
    return {
      inputPerMillion: price.input_per_mtok,
      outputPerMillion: price.output_per_mtok,
      source: typeof price.source === "string" ? price.source : "metadata.json",
    };
  }
  return resolveModelPrice({ modelId: options.model, provider: "openai-compatible" });
}
