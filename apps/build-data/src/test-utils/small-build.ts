import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunBuildOptions } from "../build/run-build.js";
import { fixturesDir } from "./paths.js";
import { flowsOf, writeConnLog } from "./write-conn-log.js";

/** Generated IoT-23 captures (two scenarios) under a fresh temp folder, plus the CIC and UNSW fixtures. */
export async function smallSources(): Promise<{ root: string; sources: RunBuildOptions["sources"] }> {
  const root = await mkdtemp(join(tmpdir(), "bd-small-"));
  for (const scenario of ["CTU-IoT-Malware-Capture-1-1", "CTU-IoT-Malware-Capture-2-1"]) {
    await writeConnLog({
      root: join(root, "iot23"),
      scenario,
      flows: [...flowsOf("Malicious", 120), ...flowsOf("Benign", 120)],
    });
  }
  return {
    root,
    sources: {
      iot23: [join(root, "iot23")],
      cic: [join(fixturesDir, "cic")],
      unsw: [join(fixturesDir, "unsw")],
    },
  };
}

/** Options of a small, fast build into `out`. */
export function smallBuildOptions(out: string, sources: RunBuildOptions["sources"]): RunBuildOptions {
  return {
    sources,
    out,
    limit: 160,
    oodLimit: 20,
    seed: 7,
    splitStrategy: "stratified",
    mode: "full",
    attempted: "exclude",
    workers: 1,
    hub: { cacheDir: join(out, "..", "hub-cache"), offline: true },
  };
}
