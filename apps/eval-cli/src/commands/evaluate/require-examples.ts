import { type DatasetSource, type LoadedDataset, openDataset } from "@sv/dataset";
import type { Environment, EnvironmentOptions } from "@sv/env";
import { CliError } from "../../cli-error.js";

/** How many rows of the dataset each split holds (rows without a split count as `(none)`). */
async function splitCounts(
  dataset: LoadedDataset,
  options: EnvironmentOptions,
): Promise<Map<string, number>> {
  const source: DatasetSource = dataset.tier;
  const opened = await openDataset({
    dataset: dataset.path ?? (dataset.tier === "hub" ? dataset.name : options.datasetName),
    source,
    dataDir: options.dataDir,
    hub: options.hub,
    demoPath: dataset.tier === "demo" ? dataset.path : undefined,
  });
  const counts = new Map<string, number>();
  for await (const row of opened.rows) {
    const split = typeof row.meta.split === "string" && row.meta.split !== "" ? row.meta.split : "(none)";
    counts.set(split, (counts.get(split) ?? 0) + 1);
  }
  return counts;
}

const SPLIT_ORDER = ["train", "dev", "test"];

function splitRank(split: string): number {
  const rank = SPLIT_ORDER.indexOf(split);
  return rank === -1 ? SPLIT_ORDER.length : rank;
}

function describeCounts(counts: Map<string, number>): string {
  const splits = [...counts]
    .sort(([left], [right]) => splitRank(left) - splitRank(right) || (left < right ? -1 : 1))
    .map(([split, count]) => `${split} ${count}`)
    .join(", ");
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return `its splits: ${splits} (all ${total}; --split all takes every row)`;
}

/**
 * An evaluation with nothing to evaluate is impossible, not a run of 0 examples: `-n 0`, a split with
 * no rows (`--split tset`) or a dataset that is empty after filtering fail here, before any run folder
 * exists, naming the splits that do exist with their counts (read once more, only on this path).
 */
export async function requireExamples(environment: Environment, options: EnvironmentOptions): Promise<void> {
  const { dataset } = environment;
  if (dataset.rows.length > 0) return;
  const where = `dataset ${dataset.name}${dataset.path ? ` (${dataset.path})` : ""}`;
  const counts = await splitCounts(dataset, options).catch(() => undefined);
  if (options.maxExamples === 0) {
    const known = counts && counts.size > 0 ? `; ${describeCounts(counts)}` : "";
    throw new CliError({
      exitCode: 2,
      message: `-n 0 selects no examples from ${where}; use -n -1 (or leave -n out) for all${known}`,
    });
  }
  if (counts?.size === 0)
    throw new CliError({ exitCode: 2, message: `nothing to evaluate: ${where} has no rows` });
  const known = counts ? `; ${describeCounts(counts)}` : "";
  throw new CliError({
    exitCode: 2,
    message: `nothing to evaluate: ${where} has no rows in split "${dataset.split}"${known}`,
  });
}
