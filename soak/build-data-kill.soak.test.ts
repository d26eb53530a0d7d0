import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { finishInterruptedInstalls } from "../apps/build-data/src/build/install-build.js";
import { removeStaleStaging } from "../apps/build-data/src/build/staging.js";
import { runBuild, validateDir } from "../apps/build-data/src/index.js";
import { fixturesDir } from "../apps/build-data/src/test-utils/paths.js";
import { flowsOf, writeConnLog } from "../apps/build-data/src/test-utils/write-conn-log.js";
import { REPO_ROOT } from "./eval/cli-child.js";
import { seededRandom } from "./build-data/damage-lines.js";
import { scaled } from "./soak-scale.js";

const TSX = pathToFileURL(createRequire(join(REPO_ROOT, "package.json")).resolve("tsx")).href;

async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), "utf8")])),
  );
}

/** Run the real CLI and SIGKILL it after `killAfterMs` (or let it finish); resolves when it has exited. */
function runKilled(
  args: string[],
  killAfterMs: number,
): Promise<{ killed: boolean; started: number; ended: number }> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      "--conditions=@sv/source",
      "--import",
      TSX,
      join(REPO_ROOT, "apps", "build-data", "src", "bin.ts"),
      ...args,
    ],
    {
      stdio: "ignore",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HF_HUB_OFFLINE: "1" },
    },
  );
  const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise((done) => {
    child.once("close", (_code, signal) => {
      clearTimeout(timer);
      done({ killed: signal === "SIGKILL", started, ended: Date.now() });
    });
  });
}

describe("build-data soak: builds killed at random moments", () => {
  it("leave --out holding the old build or the new one, never a mix once the next run has started", async () => {
    const root = await mkdtemp(join(tmpdir(), "bd-kill-"));
    try {
      for (const scenario of ["CTU-IoT-Malware-Capture-1-1", "CTU-IoT-Malware-Capture-2-1"]) {
        await writeConnLog({
          root: join(root, "iot23"),
          scenario,
          flows: [...flowsOf("Malicious", 150), ...flowsOf("Benign", 150)],
        });
      }
      const sources = {
        iot23: [join(root, "iot23")],
        cic: [join(fixturesDir, "cic")],
        unsw: [join(fixturesDir, "unsw")],
      };
      const options = (out: string, seed: number) => ({
        sources,
        out,
        limit: 200,
        oodLimit: 20,
        seed,
        splitStrategy: "stratified" as const,
        mode: "full" as const,
        attempted: "exclude" as const,
        workers: 1,
        hub: { cacheDir: join(root, "cache"), offline: true },
      });
      await runBuild(options(join(root, "old"), 1));
      await runBuild(options(join(root, "new"), 2));
      const old = await snapshot(join(root, "old"));
      const next = await snapshot(join(root, "new"));
      const args = (out: string) => [
        ...["--iot23", ...sources.iot23, "--cic", ...sources.cic, "--unsw", ...sources.unsw],
        ...["--limit", "200", "--ood-limit", "20", "--seed", "2", "--workers", "1", "--out", out],
        ...["--cache-dir", join(root, "cache")],
      ];
      // How long a whole run takes here, so kills land anywhere from start-up to the install.
      const full = await runKilled(args(join(root, "timing")), 600_000);
      const duration = full.ended - full.started;
      const random = seededRandom(7);
      const outcomes = { old: 0, new: 0 };
      const rounds = scaled(20);
      for (let round = 0; round < rounds; round++) {
        const out = join(root, `out-${round}`);
        await cp(join(root, "old"), out, { recursive: true });
        await runKilled(args(out), Math.floor(random() * duration * 1.2));
        // What the next run does first: finish an interrupted install, drop stale staging folders.
        await finishInterruptedInstalls(out);
        await removeStaleStaging(out);
        const after = await snapshot(out);
        const which = JSON.stringify(after) === JSON.stringify(next) ? "new" : "old";
        expect(after, `round ${round}: --out is neither the old nor the new build`).toEqual(
          which === "new" ? next : old,
        );
        outcomes[which]++;
        expect((await validateDir({ dir: out })).filter((check) => !check.ok)).toEqual([]);
        const left = (await readdir(root)).filter((name) => name.startsWith(`out-${round}.`));
        expect(left, `round ${round}: folders left beside --out`).toEqual([]);
      }
      expect(outcomes.old + outcomes.new).toBe(rounds);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
