import { readFileSync } from "node:fs";
import { join } from "node:path";

/** One line of the original's reward vectors: a completion and its gold answer (plus expected rewards). */
export interface ParityLine {
  completion: unknown;
  answer: string | number;
}

/** The parity corpus (fixtures/parity/e1-rewards.jsonl, the Python original's vectors) the benches score. */
export function readParityCorpus(repoRoot: string): { lines: ParityLine[]; source: string } {
  const source = join(repoRoot, "fixtures", "parity", "e1-rewards.jsonl");
  const lines = readFileSync(source, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ParityLine);
  return { lines, source };
}
