import type { LoadDatasetOptions, LoadedDataset } from "./dataset-options.js";
import { openDataset } from "./open-dataset.js";
import { createRowSelector } from "./select/row-selector.js";

/**
 * Load a dataset by the original's tiers (`local`, `hub`, `synthetic`, and `auto`: local → Hub when
 * a token is set → the bundled demo set, the demo set only when no dataset was named) and select rows:
 * the split (default `test` when the rows have one), then `maxExamples` as a seeded, label-stratified
 * sample (seed 0 unless given; `sampling: "head"` takes the first rows). `seed` in the result is the
 * seed used. Throws {@link DatasetError} with a message that says where it looked and how to fix it.
 */
export async function loadDataset(options: LoadDatasetOptions = {}): Promise<LoadedDataset> {
  const selector = createRowSelector(options);
  const { rows, ...origin } = await openDataset(options);
  for await (const row of rows) if (!selector.add(row)) break;
  return { ...origin, ...selector.finish() };
}
