// Write N dataset rows (synthetic flows with distinct ports) to a JSONL file: `make-dataset.ts N PATH`.
import { createWriteStream } from "node:fs";
import { syntheticRows } from "@sv/dataset";

const count = Number(process.argv[2] ?? 100_000);
const path = process.argv[3] ?? "bench-rows.jsonl";
const rows = syntheticRows();
const output = createWriteStream(path);
for (let index = 0; index < count; index++) {
  const row = rows[index % rows.length]!;
  const question = row.question.replace(/id\.orig_p=\d+/, `id.orig_p=${index}`);
  const line = `${JSON.stringify({ question, answer: row.answer, meta: { source: "bench", index } })}\n`;
  if (!output.write(line)) await new Promise((resolve) => output.once("drain", resolve));
}
await new Promise((resolve) => output.end(resolve));
