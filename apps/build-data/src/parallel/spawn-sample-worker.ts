import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// A tiny CommonJS bootstrap: from source (`.ts`, under tsx or vitest) it registers tsx's ESM hooks on
// the worker thread first (Node 20 does not run `--import` preloads on workers), then loads the entry.
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
(async () => {
  if (workerData.tsxApi) (await import(workerData.tsxApi)).register();
  await import(workerData.entry);
})();
`;

/** The ESM entry of `tsx/esm/api`, read from tsx's own `exports` map. */
function tsxApiUrl(): string {
  const manifestPath = createRequire(import.meta.url).resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const target = manifest.exports["./esm/api"]?.import?.default;
  if (target === undefined) throw new Error(`${manifestPath}: no ESM entry for tsx/esm/api`);
  return pathToFileURL(join(dirname(manifestPath), target)).href;
}

/**
 * Start one sample worker. Built code (`dist/…/*.js`) loads `sample-worker.js` directly; source code
 * (`src/…/*.ts`, run with `node --conditions=@sv/source --import tsx` or under vitest) loads
 * `sample-worker.ts` through tsx, with the `@sv/source` condition so workspace packages resolve to src.
 */
export function spawnSampleWorker(): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const entry = new URL(`./sample-worker.${fromSource ? "ts" : "js"}`, import.meta.url).href;
  // From source, preloads (`--import tsx`) are left out: they do not take on a worker and cost ~60 MB each.
  const execArgv = fromSource ? ["--conditions=@sv/source"] : undefined;
  return new Worker(BOOTSTRAP, {
    eval: true,
    // A small young generation: the parse loop makes little garbage, and each thread's heap counts.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
    ...(execArgv ? { execArgv } : {}),
    workerData: { entry, ...(fromSource ? { tsxApi: tsxApiUrl() } : {}) },
  });
}
