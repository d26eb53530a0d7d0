import { writeFileSync } from "node:fs";
import { syntheticRows } from "@sv/dataset";

/** Options of {@link writeSoakDataset}. */
export interface WriteSoakDatasetOptions {
  count: number;
  path: string;
}

/** One dataset row of the soak runs. */
export interface SoakRow {
  question: string;
  answer: string;
}

/**
 * Write `count` rows (the synthetic flows, each with a distinct source port, so every prompt is unique)
 * to a JSONL file; returns the rows.
 */
export function writeSoakDataset(options: WriteSoakDatasetOptions): SoakRow[] {
  const base = syntheticRows();
  const rows: SoakRow[] = [];
  const lines: string[] = [];
  for (let index = 0; index < options.count; index++) {
    const row = base[index % base.length]!;
    const question = row.question.replace(/id\.orig_p=\d+/, `id.orig_p=${index}`);
    rows.push({ question, answer: row.answer });
    lines.push(JSON.stringify({ question, answer: row.answer, meta: { source: "soak", index } }));
  }
  writeFileSync(options.path, `${lines.join("\n")}\n`);
  return rows;
}
