import { createWriteStream, existsSync, renameSync } from "node:fs";
import { syntheticRows } from "@sv/dataset";

/** Options of {@link writeBenchDataset}. */
export interface WriteBenchDatasetOptions {
  count: number;
  path: string;
}

/**
 * Write `count` dataset rows (the synthetic flows, each with a distinct source port so every prompt is
 * unique) to a JSONL file, unless it already exists.
 */
export async function writeBenchDataset(options: WriteBenchDatasetOptions): Promise<string> {
  if (existsSync(options.path)) return options.path;
  const rows = syntheticRows();
  const temporary = `${options.path}.tmp`;
  const output = createWriteStream(temporary);
  for (let index = 0; index < options.count; index++) {
    const row = rows[index % rows.length]!;
    const question = row.question.replace(/id\.orig_p=\d+/, `id.orig_p=${index}`);
    const line = `${JSON.stringify({ question, answer: row.answer, meta: { source: "bench", index } })}\n`;
    if (!output.write(line)) await new Promise<void>((resolve) => output.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => output.end(() => resolve()));
  renameSync(temporary, options.path);
  return options.path;
}
