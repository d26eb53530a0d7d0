import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { RunSummary } from "../../report/run-summary.js";

/** A run or comparison directory found under the outputs root. */
export interface FoundEntry {
  /** Path relative to the root, with `/` separators. */
  path: string;
  kind: "run" | "comparison";
  /** Files present among the ones the index links to. */
  files: string[];
  summary?: RunSummary;
}

/** Options of {@link findRuns}. */
export interface FindRunsOptions {
  root: string;
  /** How deep to look (default 5: `<env--model>/<run_id>` sits at depth 2). */
  maxDepth?: number;
}

const LINKED = [
  "report.html",
  "report.md",
  "summary.json",
  "metadata.json",
  "results.jsonl",
  "comparison.html",
  "scoreboard.md",
];

/** Walk the outputs directory (not following symlinks, skipping hidden entries) for runs and comparisons. */
export async function findRuns(options: FindRunsOptions): Promise<FoundEntry[]> {
  const found: FoundEntry[] = [];
  const maxDepth = options.maxDepth ?? 5;
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const names = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
    const files = LINKED.filter((name) => names.has(name));
    const path = relative(options.root, dir).split(sep).join("/");
    if (names.has("comparison.html")) found.push({ path, kind: "comparison", files });
    else if (names.has("results.jsonl") || names.has("report.html")) {
      const summary = names.has("summary.json")
        ? await readFile(join(dir, "summary.json"), "utf8")
            .then((text) => JSON.parse(text) as RunSummary)
            .catch(() => undefined)
        : undefined;
      found.push({ path, kind: "run", files, summary });
    }
    if (depth >= maxDepth) return;
    const children = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort();
    for (const child of children) await walk(join(dir, child), depth + 1);
  };
  await walk(options.root, 0);
  return found;
}
