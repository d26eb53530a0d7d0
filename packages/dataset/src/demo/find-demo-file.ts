import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The bundled demo set, relative to the repository root. */
export const DEMO_FILE = "fixtures/demo/e1-demo-v1.jsonl";

/** The demo set's dataset name. */
export const DEMO_DATASET = "e1-demo-v1";

function walkUp(start: string): string | undefined {
  let directory = resolve(start);
  for (;;) {
    const candidate = join(directory, DEMO_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/**
 * Where the bundled demo file is: `demoPath` if given, else `fixtures/demo/e1-demo-v1.jsonl` in the
 * first ancestor of this package's files (or of the working directory) that has one. Undefined when
 * there is none (an installed package): the caller then generates the same rows in memory.
 */
export function findDemoFile(options: { demoPath?: string; cwd?: string } = {}): string | undefined {
  if (options.demoPath !== undefined)
    return existsSync(options.demoPath) ? resolve(options.demoPath) : undefined;
  return walkUp(dirname(fileURLToPath(import.meta.url))) ?? walkUp(options.cwd ?? process.cwd());
}
