import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startOpenAIServer } from "@sv/test-utils";
import { describe, expect, it } from "vitest";
import { type CliChild, type CliExit, runCli, startCli } from "./eval/cli-child.js";
import { omit, readJson, readJsonl } from "./eval/read-run.js";
import { questionOf, scriptedDelay, scriptedReply } from "./eval/scripted-reply.js";
import { seededUniform } from "./eval/seeded-hash.js";
import { writeSoakDataset } from "./eval/write-dataset.js";
import { scaled } from "./soak-scale.js";

const SEED = 20261201;
const ROLLOUTS = 2;
const CONCURRENCY = 8;
const MAX_ROUNDS = 12;
/** Wall-clock fields (see eval-crash-resume.soak.test.ts for why). */
const METADATA_EXCLUDED = ["started_at", "timestamp", "time_ms", "time"] as const;

type Line = Record<string, unknown> & { example_id: number; rollout: { index: number } };

/** Everything but per-rollout wall-clock timings (see eval-crash-resume.soak.test.ts for why). */
function byRollout(lines: Line[]): Map<string, Partial<Line>> {
  return new Map(lines.map((line) => [`${line.example_id}/${line.rollout.index}`, omit(line, ["timing"])]));
}

/** What a second writer may see: done, nothing to do, refused by the lock, or killed by the test. */
function expectAllowedExit(
  exit: CliExit,
  killed: boolean,
  label: string,
): "ok" | "locked" | "killed" | "never" {
  const detail = `${label}: ${exit.exitCode}/${exit.signal}: ${exit.stderr.slice(-1500)}`;
  expect(exit.stderr, detail).not.toMatch(/\n\s+at .+:\d+:\d+/);
  if (exit.signal === "SIGKILL") {
    expect(killed, detail).toBe(true);
    return "killed";
  }
  if (exit.exitCode === 0) return "ok";
  if (exit.exitCode === 1 && /in use by another eval process \(pid \d+, since /.test(exit.stderr))
    return "locked";
  if (exit.exitCode === 2 && /this run never started/.test(exit.stderr)) return "never";
  throw new Error(`unexpected exit: ${detail}`);
}

describe("eval run-folder lifecycle soak", () => {
  it("random kills (before the first metadata.json too) and concurrent resumers end in one whole run", async () => {
    const count = Math.max(40, scaled(400));
    const total = count * ROLLOUTS;
    const trials = Math.max(3, scaled(6));
    const root = mkdtempSync(join(tmpdir(), "sv-soak-life-"));
    const dataset = join(root, "life.jsonl");
    writeSoakDataset({ count, path: dataset });

    // The server kills the armed child once it has answered `killAt` requests in the current round.
    let armed: CliChild | undefined;
    let killAt = Number.POSITIVE_INFINITY;
    let replies = 0;
    const server = await startOpenAIServer({
      record: false,
      handle: async (request) => {
        const question = questionOf(request);
        await new Promise((resolve) => setTimeout(resolve, scriptedDelay(question, 1, 8)));
        if (armed && ++replies >= killAt) {
          armed.child.kill("SIGKILL");
          armed = undefined;
        }
        return { type: "reply", content: scriptedReply(question) };
      },
    });
    const common = [
      "-b",
      server.baseURL,
      "-c",
      String(CONCURRENCY),
      "--request-timeout",
      "20",
      "--max-consecutive-errors",
      "0",
    ];
    const fresh = (outputDir: string) => [
      ...["-m", "life-model", "--dataset", dataset, "--split", "all", "--seed", "3", "-r", String(ROLLOUTS)],
      ...["--run-id", "life", "--output-dir", outputDir, ...common],
    ];
    const tally = { early: 0, neverStarted: 0, locked: 0, killedResumers: 0, rounds: 0 };
    try {
      const reference = await runCli({ cwd: root, args: fresh("reference") });
      expect(reference.exitCode, reference.stderr.slice(-2000)).toBe(0);
      const referenceDir = join(root, "reference", "evals", "sv-env-network-logs--life-model", "life");
      const referenceRows = byRollout(readJsonl<Line>(join(referenceDir, "results.jsonl")));

      for (let trial = 0; trial < trials; trial++) {
        // The same working directory as the reference (env_args records the data dir under it).
        const cwd = root;
        const out = `trial-${trial}`;
        const runDir = join(cwd, out, "evals", "sv-env-network-logs--life-model", "life");
        const draw = (key: string) => seededUniform(SEED, `${trial}-${key}`);

        /** Start a fresh run and kill it: early (as its folder appears) or after a seeded number of replies. */
        const killFresh = async (round: number) => {
          const child = startCli({ cwd, args: fresh(out) });
          replies = 0;
          if ((trial === 0 && round === 0) || draw(`early-${round}`) < 0.35) {
            // Early: as soon as the run folder appears (lock taken, metadata.json maybe not yet written).
            tally.early++;
            const spawned = Date.now();
            while (!existsSync(runDir) && child.child.exitCode === null && Date.now() - spawned < 60_000) {
              await new Promise((resolve) => setTimeout(resolve, 1));
            }
            await new Promise((resolve) => setTimeout(resolve, Math.floor(draw(`delay-${round}`) * 6)));
            child.child.kill("SIGKILL");
          } else {
            armed = child;
            killAt = 1 + Math.floor(draw(`point-${round}`) * (total - 2 * CONCURRENCY));
          }
          const exit = await child.exited;
          armed = undefined;
          // A run may end before its kill point; anything else than a kill or success is a failure.
          if (exit.signal !== "SIGKILL") expect(exit.exitCode, exit.stderr.slice(-1500)).toBe(0);
        };

        await killFresh(0);
        let complete = false;
        for (let round = 1; round <= MAX_ROUNDS && !complete; round++) {
          tally.rounds++;
          if (!existsSync(join(runDir, "metadata.json"))) {
            const probe = await runCli({ cwd, args: ["--resume", runDir, ...common] });
            if (existsSync(runDir)) {
              expect(expectAllowedExit(probe, false, `probe ${trial}/${round}`)).toBe("never");
              tally.neverStarted++;
            }
            await killFresh(round);
            continue;
          }
          // Two or three resumers at once; one of them may be killed part-way.
          const resumers = 2 + Math.floor(draw(`resumers-${round}`) * 2);
          const children = Array.from({ length: resumers }, () =>
            startCli({ cwd, args: ["--resume", runDir, ...common] }),
          );
          const victim = draw(`kill-${round}`) < 0.6 ? Math.floor(draw(`victim-${round}`) * resumers) : -1;
          replies = 0;
          if (victim >= 0) {
            // Somewhere in what is left to do (after the compaction, while rollouts are being written).
            const left = Math.max(1, total - readJsonl(join(runDir, "results.jsonl")).length);
            armed = children[victim];
            killAt = 1 + Math.floor(draw(`resume-point-${round}`) * left * 0.9);
          }
          const exits = await Promise.all(children.map((child) => child.exited));
          armed = undefined;
          for (const [index, exit] of exits.entries()) {
            const kind = expectAllowedExit(exit, index === victim, `resumer ${trial}/${round}/${index}`);
            if (kind === "locked") tally.locked++;
            if (kind === "killed") tally.killedResumers++;
          }
          complete =
            existsSync(join(runDir, "metadata.json")) &&
            readJson(join(runDir, "metadata.json")).status === "complete";
        }
        expect(complete, `trial ${trial} did not complete in ${MAX_ROUNDS} rounds`).toBe(true);

        const raw = readFileSync(join(runDir, "results.jsonl"), "utf8").split("\n").filter(Boolean);
        expect(raw).toHaveLength(total); // no torn line, nothing twice
        const rows = byRollout(raw.map((line) => JSON.parse(line) as Line));
        expect(rows.size).toBe(total);
        expect(rows).toEqual(referenceRows);
        expect(omit(readJson(join(runDir, "summary.json")), ["timestamp"])).toEqual(
          omit(readJson(join(referenceDir, "summary.json")), ["timestamp"]),
        );
        expect(omit(readJson(join(runDir, "metadata.json")), METADATA_EXCLUDED)).toEqual(
          omit(readJson(join(referenceDir, "metadata.json")), METADATA_EXCLUDED),
        );
        // No temp file and no lock outlives the last (clean) writer.
        expect(readdirSync(runDir).sort()).toEqual(readdirSync(referenceDir).sort());
      }
      console.info(
        `[soak] lifecycle: ${trials} trials of ${total} rollouts; ${tally.early} early kills, ` +
          `${tally.neverStarted} never-started folders resumed, ${tally.locked} resumers refused by the lock, ` +
          `${tally.killedResumers} resumers killed, ${tally.rounds} rounds`,
      );
    } finally {
      await server.close();
    }
  });
});
