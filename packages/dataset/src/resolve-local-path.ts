import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";

/** Where a dataset would be on disk, and whether it is there. */
export interface LocalCandidate {
  /** The dataset name without directory and `.jsonl`. */
  name: string;
  /** The path looked at (absolute when found). */
  path: string;
  found: boolean;
  /** True when the dataset was given as a path rather than a name. */
  explicitPath: boolean;
}

/**
 * Resolve a dataset name in `dataDir` (`<dataDir>/<name>.jsonl`), or take a path (anything with a
 * directory separator) as is. A bare `name.jsonl` is also looked for in the working directory.
 */
export function resolveLocalPath(dataset: string, dataDir: string): LocalCandidate {
  const explicitPath = dataset.includes("/") || dataset.includes("\\");
  const name = basename(dataset).replace(/\.jsonl$/, "");
  if (explicitPath) return { name, path: resolve(dataset), found: existsSync(dataset), explicitPath };
  const inDataDir = join(dataDir, `${name}.jsonl`);
  if (existsSync(inDataDir)) return { name, path: resolve(inDataDir), found: true, explicitPath };
  if (dataset.endsWith(".jsonl") && existsSync(dataset)) {
    return { name, path: resolve(dataset), found: true, explicitPath };
  }
  return { name, path: inDataDir, found: false, explicitPath };
}
