import type { LoadDatasetOptions } from "./dataset-options.js";
import { openDataset } from "./open-dataset.js";
import type { Row } from "./row-schema.js";
import { createRowSelector, selectionSeed } from "./select/row-selector.js";

/**
 * The selected rows of a dataset as an async iterator, the same rows as {@link loadDataset}. With an
 * explicit `split`, no `seed` and no stratified sample to draw (no `maxExamples`, or `sampling: "head"`),
 * rows are yielded as they are read and memory stays flat; otherwise the selection is made first. Use
 * {@link openDataset} for the origin (tier, path, revision, reason).
 */
export async function* streamDataset(options: LoadDatasetOptions = {}): AsyncGenerator<Row> {
  const selector = createRowSelector(options); // validates the options before anything is opened
  const opened = await openDataset(options);
  const { split, maxExamples } = options;
  if (selectionSeed(options) === undefined && split !== undefined) {
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
