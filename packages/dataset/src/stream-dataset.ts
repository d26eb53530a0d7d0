import type { LoadDatasetOptions } from "./dataset-options.js";
import { openDataset } from "./open-dataset.js";
import type { Row } from "./row-schema.js";
import { createRowSelector } from "./select/row-selector.js";

/**
 * The selected rows of a dataset as an async iterator. With an explicit `split` and no `seed`, rows
 * are yielded as they are read and memory stays flat; otherwise the selection is made first (as in
 * {@link loadDataset}). Use {@link openDataset} for the origin (tier, path, revision, reason).
 */
export async function* streamDataset(options: LoadDatasetOptions = {}): AsyncGenerator<Row> {
  const selector = createRowSelector(options); // validates the options before anything is opened
  const opened = await openDataset(options);
  const { split, seed, maxExamples } = options;
  if (seed === undefined && split !== undefined) {
    let left = maxExamples ?? Number.POSITIVE_INFINITY;
    if (left <= 0) return;
    for await (const row of opened.rows) {
      if (split !== "all" && row.meta.split !== split) continue;
      yield row;
      if (--left <= 0) return;
    }
    return;
  }
  for await (const row of opened.rows) if (!selector.add(row)) break;
  yield* selector.finish().rows;
}
