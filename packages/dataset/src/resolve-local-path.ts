import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";

/** The default directory of local datasets, relative to the working directory. */
export const DEFAULT_DATA_DIR = "./data/e1";

/** The directory local dataset names are resolved in, and where that setting came from. */
export interface DataDir {
  dir: string;
  from: "option" | "SV_DATA_DIR" | "default";
}

/**
 * The data directory: the `dataDir` option, else `$SV_DATA_DIR`, else `./data/e1`. An empty option or
 * variable counts as unset.
 */
export function resolveDataDir(
  dataDir: string | undefined,
  environment: Record<string, string | undefined> = process.env,
): DataDir {
  if (dataDir !== undefined && dataDir.trim() !== "") return { dir: dataDir, from: "option" };
  const fromEnvironment = environment.SV_DATA_DIR?.trim();
  if (fromEnvironment) return { dir: fromEnvironment, from: "SV_DATA_DIR" };
  return { dir: DEFAULT_DATA_DIR, from: "default" };
}

/** Where a dataset would be on disk, and whether it is there. */
export interface LocalCandidate {
  /** The dataset name without directory and `.jsonl`. */
  name: string;
  /** The path looked at (absolute when found). */
  path: string;
  found: boolean;
  /** True when the dataset was given as a path rather than a name. */
  explicitPath: boolean;
  /** Every absolute path that was looked at, in order. */
  looked: string[];
}

/**
 * Resolve a dataset name in `dataDir` (`<dataDir>/<name>.jsonl`), or take a path (anything with a
 * directory separator) as is. A bare `name.jsonl` is also looked for in the working directory.
 */
export function resolveLocalPath(dataset: string, dataDir: string): LocalCandidate {
  const explicitPath = dataset.includes("/") || dataset.includes("\\");
  const name = basename(dataset).replace(/\.jsonl$/, "");
  if (explicitPath) {
    const path = resolve(dataset);
    return { name, path, found: existsSync(dataset), explicitPath, looked: [path] };
  }
  const inDataDir = join(dataDir, `${name}.jsonl`);
  const looked = [resolve(inDataDir)];
  if (existsSync(inDataDir)) return { name, path: resolve(inDataDir), found: true, explicitPath, looked };
  if (dataset.endsWith(".jsonl")) {
    looked.push(resolve(dataset));
    if (existsSync(dataset)) return { name, path: resolve(dataset), found: true, explicitPath, looked };
  }
  return { name, path: inDataDir, found: false, explicitPath, looked };
}
