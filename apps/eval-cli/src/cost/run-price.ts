import { recordedPrice } from "../report/run-extras.js";
import type { RunMetadata as ReportRunMetadata } from "../report/run-metadata.js";
import type { RunMetadata } from "../run-output/run-metadata.js";
import { type ModelPrice, resolveModelPrice } from "./model-price.js";
import { overridePrice } from "./override-price.js";

/** Options of {@link runPrice}. */
export interface RunPriceOptions {
  modelId: string;
  provider: string;
  priceInput?: number;
  priceOutput?: number;
  /** metadata.json of the run being resumed: its recorded price is kept unless a flag overrides it. */
  previous?: ReportRunMetadata | RunMetadata;
}

/** The price a run is costed at: `--price-input/--price-output`, else a resumed run's own, else the table's. */
export function runPrice(options: RunPriceOptions): ModelPrice {
  const base =
    options.previous?.cost !== undefined
      ? recordedPrice(options.previous as ReportRunMetadata)
      : resolveModelPrice({ modelId: options.modelId, provider: options.provider });
  return overridePrice(base, options);
}
