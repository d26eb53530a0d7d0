import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ClusterPrimary, startClusterPrimary } from "../src/cluster/cluster-primary.js";
import { createRestartBudget } from "../src/cluster/restart-budget.js";

describe("startClusterPrimary", { timeout: 60_000 }, () => {
  it("replaces a crashed worker, and stops with exit code 1 once crashes outrun the restart budget", async () => {
    let stderr = "";
    const dir = mkdtempSync(join(tmpdir(), "sv-cluster-"));
    const barrier = join(dir, "crash-now");
    const primary = (await startClusterPrimary({
      workers: 2,
      args: [barrier],
      exec: join(import.meta.dirname, "fixtures", "crashing-worker.mjs"),
      execArgv: [],
      stderr: { write: (text: string) => (stderr += text) },
      restartBudget: createRestartBudget({ limit: 1, windowMs: 3_600_000 }),
    })) as ClusterPrimary;
    expect(primary.url).toBe("http://127.0.0.1:9");
    writeFileSync(barrier, "");
    expect(await primary.stopped).toBe(1);
    rmSync(dir, { recursive: true, force: true });
    const lines = stderr.trim().split("\n");
    expect(lines.filter((line) => line.endsWith("exited with code 3; starting a new worker"))).toHaveLength(
      1,
    );
    expect(lines.filter((line) => line.includes("workers keep crashing; stopping the server"))).toHaveLength(
      1,
    );
    expect(primary.workerPids()).toEqual([]);
  });
});
