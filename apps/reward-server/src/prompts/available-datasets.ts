import { readdirSync } from "node:fs";

/** Dataset names a request may ask for: the `.jsonl` files of the data dir, then the built-in sets. */
export function availableDatasets(dataDir: string): string[] {
  let local: string[] = [];
  try {
    local = readdirSync(dataDir)
      .filter((file) => file.endsWith(".jsonl"))
      .map((file) => file.slice(0, -".jsonl".length))
      .sort();
  } catch {
    // no data dir: only the built-in sets exist
  }
  return [...local, "synthetic", "demo"];
}
