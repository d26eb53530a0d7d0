import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startOpenAIServer } from "@sv/test-utils";
import { describe, expect, it } from "vitest";
import { type CliChild, runCli, startCli } from "./eval/cli-child.js";
import { omit, readJson, readJsonl } from "./eval/read-run.js";
import { questionOf, scriptedDelay, scriptedReply } from "./eval/scripted-reply.js";
import { seededUniform } from "./eval/seeded-hash.js";
import { writeSoakDataset } from "./eval/write-dataset.js";
import { scaled } from "./soak-scale.js";

const SEED = 20261129;
const KILLS = 10;
const ROLLOUTS = 2;
const CONCURRENCY = 16;

/**
 * Fields left out of the comparison with the uninterrupted run, and why:
 * - summary.json `timestamp`: the wall-clock time the run first started (two runs, two start times).
 * - metadata.json `started_at` and `timestamp` (the same time), `time_ms` and `time` (wall time spent, summed
 *   over resumes).
 * - results.jsonl `timing`: per-rollout wall-clock durations.
 * - report.md lines "Started", "Wall time" and "Timestamp": the same wall-clock values.
 * Everything else, run_id included (both runs get `--run-id crash`), must be equal.
 */
const SUMMARY_EXCLUDED = ["timestamp"] as const;
const METADATA_EXCLUDED = ["started_at", "timestamp", "time_ms", "time"] as const;
const RESULT_EXCLUDED = ["timing"] as const;
const REPORT_EXCLUDED = /^(\| (Started|Wall time) \||- \*\*Timestamp:\*\* )/;

type Line = Record<string, unknown> & { example_id: number; rollout: { index: number } };

function byRollout(lines: Line[]): Map<string, Partial<Line>> {
  return new Map(
    lines.map((line) => [`${line.example_id}/${line.rollout.index}`, omit(line, RESULT_EXCLUDED)]),
  );
}

/** Rollouts already done without error in a results file (what --resume will keep). */
function doneRollouts(path: string): number {
  if (!existsSync(path)) return 0;
  const keys = new Set<string>();
  for (const line of readJsonl<Line & { error: unknown }>(path)) {
    if (line.error === null) keys.add(`${line.example_id}/${line.rollout.index}`);
  }
  return keys.size;
}

function reportLines(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => !REPORT_EXCLUDED.test(line));
}

describe("eval crash and resume soak", () => {
  it("SIGKILLed at 10 seeded points and resumed each time, ends equal to an uninterrupted run", async () => {
    const count = scaled(2000);
    const total = count * ROLLOUTS;
    const cwd = mkdtempSync(join(tmpdir(), "sv-soak-crash-"));
    writeSoakDataset({ count, path: join(cwd, "crash.jsonl") });
    // Progress points (rollouts done) at which to kill, sorted; each leaves work for the next run.
    const range = Math.max(KILLS, total - 2 * CONCURRENCY);
    const points = Array.from({ length: KILLS }, (_, index) =>
      Math.max(1, Math.floor(seededUniform(SEED, `kill-${index}`) * range)),
    ).sort((a, b) => a - b);

    let current: CliChild | undefined;
    let armed = false;
    let nextPoint = 0;
    let doneAtStart = 0;
    let repliesThisRun = 0;
    const server = await startOpenAIServer({
      record: false,
      handle: async (request) => {
        const question = questionOf(request);
        await new Promise((resolve) => setTimeout(resolve, scriptedDelay(question, 2, 15)));
        // Replies sent so far approximate rollouts written, so the kill points spread over the run.
        repliesThisRun++;
        if (armed && current && doneAtStart + repliesThisRun >= nextPoint) {
          armed = false;
          current.child.kill("SIGKILL");
        }
        return { type: "reply", content: scriptedReply(question) };
      },
    });
    const common = [
      ...["-b", server.baseURL, "-c", String(CONCURRENCY), "--request-timeout", "10"],
      ...["--max-consecutive-errors", "0"],
    ];
    const fresh = (outputDir: string) => [
      ...["-m", "crash-model", "--dataset", join(cwd, "crash.jsonl"), "--split", "all", "--seed", "7"],
      ...["-r", String(ROLLOUTS), "--run-id", "crash", "--output-dir", outputDir, ...common],
    ];
    try {
      let started = performance.now();
      const reference = await runCli({ cwd, args: fresh("reference") });
      expect(reference.exitCode, reference.stderr.slice(-2000)).toBe(0);
      const referenceSeconds = (performance.now() - started) / 1000;

      started = performance.now();
      const runDir = join(cwd, "crashed", "evals", "sv-env-network-logs--crash-model", "crash");
      const resultsPath = join(runDir, "results.jsonl");
      const progressAtKill: number[] = [];
      for (let kill = 0; kill <= KILLS; kill++) {
        armed = kill < KILLS;
        nextPoint = points[kill] ?? Number.POSITIVE_INFINITY;
        doneAtStart = doneRollouts(resultsPath);
        repliesThisRun = 0;
        current = startCli({ cwd, args: kill === 0 ? fresh("crashed") : ["--resume", runDir, ...common] });
        const exit = await current.exited;
        if (kill < KILLS) {
          expect(exit.signal, `run ${kill} should have been killed at ${nextPoint}: ${exit.stderr}`).toBe(
            "SIGKILL",
          );
          progressAtKill.push(doneRollouts(resultsPath));
        } else {
          expect(exit.exitCode, exit.stderr.slice(-2000)).toBe(0);
        }
      }
      console.info(
        `[soak] crash/resume: ${total} rollouts, reference ${referenceSeconds.toFixed(1)} s, ` +
          `${KILLS} kills + resumes ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
          `kill points ${points.join(",")}; rollouts on disk at each kill ${progressAtKill.join(",")}`,
      );

      const referenceDir = join(cwd, "reference", "evals", "sv-env-network-logs--crash-model", "crash");
      const raw = readFileSync(resultsPath, "utf8").split("\n").filter(Boolean);
      const crashed = raw.map((line) => JSON.parse(line) as Line);
      const crashedByRollout = byRollout(crashed);
      expect(raw).toHaveLength(total); // no torn line left, nothing twice
      expect(crashedByRollout.size).toBe(total);
      expect(crashedByRollout).toEqual(byRollout(readJsonl<Line>(join(referenceDir, "results.jsonl"))));
      expect(omit(readJson(join(runDir, "summary.json")), SUMMARY_EXCLUDED)).toEqual(
        omit(readJson(join(referenceDir, "summary.json")), SUMMARY_EXCLUDED),
      );
      expect(omit(readJson(join(runDir, "metadata.json")), METADATA_EXCLUDED)).toEqual(
        omit(readJson(join(referenceDir, "metadata.json")), METADATA_EXCLUDED),
      );
      expect(reportLines(join(runDir, "report.md"))).toEqual(reportLines(join(referenceDir, "report.md")));
    } finally {
      await server.close();
    }
  });
});
