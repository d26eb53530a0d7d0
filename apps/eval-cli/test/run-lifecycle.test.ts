import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../src/cli.js";
import { startEvalChild } from "./cli-child.js";
import { MINI_DATASET, readJsonl, runEvalCli, scriptedAnswer } from "./eval-harness.js";
import { failingFs } from "./failing-fs.js";

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tempDir = () => mkdtempSync(join(tmpdir(), "sv-life-"));
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const keys = (path: string) =>
  readJsonl(path).map((row) => `${row.example_id}/${(row.rollout as { index: number }).index}`);
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
const aborted = () => {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
};

/** A loopback model that answers `scriptedAnswer`, and records each request's URL. */
async function scriptedServer(): Promise<{ server: OpenAIServer; urls: string[] }> {
  const urls: string[] = [];
  const started = await startOpenAIServer({
    handle: (request, context) => {
      urls.push(context.url);
      return { type: "reply", content: scriptedAnswer(String(request.messages.at(-1)?.content)) };
    },
  });
  server = started;
  return { server: started, urls };
}

/** The command in a stop message's "Finish it with: pnpm eval ..." hint, as arguments. */
function hintArgs(stderr: string): string[] {
  const hint = /Finish it with: pnpm eval (.+)$/m.exec(stderr)?.[1];
  expect(hint, stderr).toBeDefined();
  return hint!.split(" ");
}

describe("run folder lifecycle", () => {
  it("a live run's folder is refused to a second writer (resume or the same --run-id), naming its pid; once SIGKILLed it is taken over", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let served = 0;
    server = await startOpenAIServer({
      handle: async (request) => {
        if (++served > 3) await gate; // the child hangs after three rollouts, with its lock held
        return { type: "reply", content: scriptedAnswer(String(request.messages.at(-1)?.content)) };
      },
    });
    const cwd = tempDir();
    const args = [
      "-m",
      "m",
      "-b",
      server.baseURL,
      "--dataset",
      MINI_DATASET,
      "-c",
      "1",
      "--request-timeout",
      "0",
    ];
    const child = startEvalChild([...args, "--run-id", "live"], cwd);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--m/live");
    const results = join(dir, "results.jsonl");
    try {
      await vi.waitFor(() => expect(existsSync(results) && readJsonl(results).length === 3).toBe(true), {
        timeout: 60_000,
        interval: 50,
      });
      const holder = new RegExp(`in use by another eval process \\(pid ${child.child.pid}, since `);
      const resumed = await runEvalCli(["--resume", dir], { cwd });
      expect(resumed.exitCode).toBe(1);
      expect(resumed.stderr).toMatch(holder);
      const twin = await runEvalCli([...args, "--run-id", "live"], { cwd });
      expect(twin.exitCode).toBe(1);
      expect(twin.stderr).toMatch(holder);
      expect(readJsonl(results)).toHaveLength(3); // the second writers touched nothing
      child.child.kill("SIGKILL");
      const exit = await child.exited;
      expect(exit.signal).toBe("SIGKILL");
    } finally {
      child.child.kill("SIGKILL");
      release();
    }
    expect(existsSync(join(dir, "run.lock"))).toBe(true); // left by the kill...
    const finished = await runEvalCli(["--resume", dir], { cwd });
    expect(finished.exitCode, finished.stderr).toBe(0); // ...and taken over, as its pid is gone
    expect(new Set(keys(results)).size).toBe(30);
    expect(readJsonl(results)).toHaveLength(30);
    expect(readdirSync(dir).sort()).toEqual([
      "metadata.json",
      "report.html",
      "report.md",
      "results.jsonl",
      "summary.json",
    ]);
  }, 120_000);

  it("a full disk stops the run with one line, the stop reason in metadata.json and a resume hint that works", async () => {
    await scriptedServer();
    const args = [
      "-m",
      "m",
      "-b",
      server!.baseURL,
      "--dataset",
      MINI_DATASET,
      "--split",
      "all",
      "-r",
      "2",
      "-c",
      "1",
    ];
    const reference = tempDir();
    expect((await runEvalCli([...args, "--run-id", "disk"], { cwd: reference })).exitCode).toBe(0);
    const referenceSummary = readFileSync(
      join(reference, "outputs/evals/sv-env-network-logs--m/disk/summary.json"),
      "utf8",
    );

    const cwd = tempDir();
    const fs = failingFs({ budget: 30_000, only: /results\.jsonl$/ });
    const full = await runEvalCli([...args, "--run-id", "disk"], { cwd, fs });
    expect(full.exitCode).toBe(1);
    noStackTrace(full.stderr);
    const stops = full.stderr.split("\n").filter((line) => line.includes("ENOSPC"));
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatch(
      /^stopped \(write failed\): .*results\.jsonl: ENOSPC \(no space left on the device\)\. \d+ rollouts of this session are on disk, each line whole; free some space, then pnpm eval --resume outputs\/evals\/sv-env-network-logs--m\/disk$/,
    );
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--m/disk");
    const text = readFileSync(join(dir, "results.jsonl"), "utf8");
    expect(text.endsWith("\n")).toBe(true);
    const onDisk = readJsonl(join(dir, "results.jsonl"));
    expect(onDisk.length).toBeGreaterThan(5);
    expect(onDisk.length).toBeLessThan(80);
    expect(readJson(join(dir, "metadata.json"))).toMatchObject({
      status: "stopped",
      stop_reason: expect.stringMatching(/^write_failed: .*results\.jsonl: ENOSPC/),
    });

    // A kill in the middle of a write leaves a torn line; resuming on a disk that is still full trims it
    // in place (no copy, no temp file), then stops at its first write, again with every line whole.
    writeFileSync(join(dir, "results.jsonl"), '{"example_id": 7, "rollout_ind', { flag: "a" });
    const stillFull = await runEvalCli(["--resume", dir], {
      cwd,
      fs: failingFs({ budget: 0, only: /results\.jsonl$/ }),
    });
    expect(stillFull.exitCode).toBe(1);
    noStackTrace(stillFull.stderr);
    expect(stillFull.stderr).toMatch(/1 unreadable line\(s\) dropped \(a torn last line trimmed\)/);
    expect(stillFull.stderr).toMatch(
      /^stopped \(write failed\): .*ENOSPC.*0 rollouts of this session are on disk/m,
    );
    expect(readFileSync(join(dir, "results.jsonl"), "utf8")).toBe(text);
    expect(readdirSync(dir).filter((name) => name.includes("tmp"))).toEqual([]);

    const resumed = await runEvalCli(["--resume", dir], { cwd });
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(readJsonl(join(dir, "results.jsonl"))).toHaveLength(80);
    expect(readFileSync(join(dir, "summary.json"), "utf8")).toBe(referenceSummary);
  });

  it("on a real full disk (a 192 KiB tmpfs, when this machine lets us mount one) stops cleanly and resumes once there is room", async (context) => {
    const mountPoint = tempDir();
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=192k", "tmpfs", mountPoint], {
      stdio: "ignore",
    });
    if (mounted.status !== 0) context.skip(); // not root, or no mount in this sandbox: the injected disk above covers it
    try {
      const cwd = tempDir();
      const args = [
        "--dataset",
        MINI_DATASET,
        "--split",
        "all",
        "-r",
        "10",
        "-c",
        "4",
        "--output-dir",
        mountPoint,
      ];
      const full = await runEvalCli([...args, "--run-id", "tmpfs"], { cwd });
      expect(full.exitCode).toBe(1);
      noStackTrace(full.stderr);
      expect(full.stderr).toMatch(
        /^stopped \(write failed\): .*results\.jsonl: ENOSPC .*pnpm eval --resume /m,
      );
      const results = join(mountPoint, "evals/sv-env-network-logs--baseline--heuristic/tmpfs/results.jsonl");
      expect(readFileSync(results, "utf8").endsWith("\n") || readFileSync(results, "utf8") === "").toBe(true);
      expect(readJsonl(results).length).toBeLessThan(400);
      expect(spawnSync("mount", ["-o", "remount,size=8m", mountPoint]).status).toBe(0);
      const resumed = await runEvalCli(
        hintArgs(full.stderr.replace("free some space, then pnpm eval", "Finish it with: pnpm eval")),
        { cwd },
      );
      expect(resumed.exitCode, resumed.stderr).toBe(0);
      expect(new Set(keys(results)).size).toBe(400);
      expect(readJsonl(results)).toHaveLength(400);
    } finally {
      spawnSync("umount", [mountPoint], { stdio: "ignore" });
    }
  });

  it("an I/O error on every write (metadata.json too) still ends in one clear line per file and a resumable run", async () => {
    await scriptedServer();
    const cwd = tempDir();
    const args = ["-m", "m", "-b", server!.baseURL, "--dataset", MINI_DATASET, "-c", "1", "--run-id", "eio"];
    // Room for the first metadata.json and a few rollouts; then everything fails.
    const fs = failingFs({ budget: 12_000, code: "EIO" });
    const run = await runEvalCli(args, { cwd, fs });
    expect(run.exitCode).toBe(1);
    noStackTrace(run.stderr);
    expect(run.stderr).toMatch(/^error: could not write .*metadata\.json: EIO \(input\/output error\)$/m);
    expect(run.stderr).toMatch(/^stopped \(write failed\): .*EIO.*pnpm eval --resume /m);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--m/eio");
    expect(readJson(join(dir, "metadata.json")).status).toBe("running"); // the last one that could be written
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    const resumed = await runEvalCli(
      hintArgs(run.stderr.replace("free some space, then pnpm eval", "Finish it with: pnpm eval")),
      { cwd },
    );
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(readJsonl(join(dir, "results.jsonl"))).toHaveLength(30);

    const none = await runEvalCli([...args.slice(0, -1), "never"], { cwd, fs: failingFs({ budget: 0 }) });
    expect(none.exitCode).toBe(1);
    noStackTrace(none.stderr);
    expect(none.stderr).toMatch(
      /^error: could not write .*never\/metadata\.json: ENOSPC \(no space left on the device\)$/m,
    );
  });

  it("refuses --run-id . and .. (they would write into the model's or the parent folder)", async () => {
    for (const id of [".", "..", "..."]) {
      const cwd = tempDir();
      const run = await runEvalCli(["--run-id", id], { cwd });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toMatch(/--run-id: must not be '\.' or '\.\.'/);
      expect(existsSync(join(cwd, "outputs"))).toBe(false);
    }
  });

  it("a folder killed before its first metadata.json says the run never started, and a new run with that id cleans it", async () => {
    const cwd = tempDir();
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/early");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "metadata.json.0123abcd.tmp"), "");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(
      join(dir, "run.lock"),
      JSON.stringify({ pid: dead, hostname: (await import("node:os")).hostname(), started_at: "x" }),
    );
    const resumed = await runEvalCli(["--resume", dir], { cwd });
    expect(resumed.exitCode).toBe(2);
    expect(resumed.stderr).toMatch(
      /this run never started \(it was stopped before writing .*metadata\.json\); nothing to resume/,
    );
    const fresh = await runEvalCli(["--run-id", "early"], { cwd });
    expect(fresh.exitCode, fresh.stderr).toBe(0);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp") || name === "run.lock")).toEqual([]);
  });

  it("resume keeps the dataset the run used: the demo set stays the demo set after data/e1 appears", async () => {
    const cwd = tempDir();
    const stopped = await runEvalCli(["--run-id", "demo"], { cwd, signal: aborted() });
    expect(stopped.exitCode).toBe(130);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/demo");
    expect(readJson(join(dir, "metadata.json")).dataset_fingerprint).toMatchObject({
      source: "demo",
      n_rows: 44,
    });
    mkdirSync(join(cwd, "data/e1"), { recursive: true });
    copyFileSync(MINI_DATASET, join(cwd, "data/e1/iot23-train-dev-test-v1.jsonl"));
    const resumed = await runEvalCli(["--resume", dir], { cwd });
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(readJsonl(join(dir, "results.jsonl"))).toHaveLength(44);
    expect(readJson(join(dir, "metadata.json"))).toMatchObject({
      status: "complete",
      dataset_fingerprint: { source: "demo" },
    });
  });

  it("refuses a resume whose dataset differs (other order, other count), saying what differs", async () => {
    const cwd = tempDir();
    const file = join(cwd, "rows.jsonl");
    const lines = readFileSync(MINI_DATASET, "utf8").split("\n").filter(Boolean);
    writeFileSync(file, `${lines.join("\n")}\n`);
    const stopped = await runEvalCli(["--dataset", file, "--run-id", "f"], { cwd, signal: aborted() });
    expect(stopped.exitCode).toBe(130);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/f");
    writeFileSync(file, `${[...lines].reverse().join("\n")}\n`);
    const reordered = await runEvalCli(["--resume", dir], { cwd });
    expect(reordered.exitCode).toBe(2);
    expect(reordered.stderr).toMatch(
      /the dataset differs from the one the run used: other rows or order \(fingerprint/,
    );
    const test = lines.filter((line) => line.includes('"split":"test"') || line.includes('"split": "test"'));
    expect(test.length).toBe(30);
    writeFileSync(file, `${lines.filter((line) => line !== test[0]).join("\n")}\n`);
    const shorter = await runEvalCli(["--resume", dir], { cwd });
    expect(shorter.exitCode).toBe(2);
    expect(shorter.stderr).toMatch(/the dataset differs .*: 30 → 29 rows/);
    expect(existsSync(join(dir, "results.jsonl")) ? readJsonl(join(dir, "results.jsonl")) : []).toEqual([]);
  });

  it("flags given with --resume are applied, accepted when they repeat the run, or refused by name", async () => {
    const cwd = tempDir();
    await runEvalCli(["--dataset", MINI_DATASET, "--run-id", "g", "--seed", "7", "-r", "2"], {
      cwd,
      signal: aborted(),
    });
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/g");
    const refused = await runEvalCli(
      [
        "--resume",
        dir,
        "-n",
        "5",
        "--seed",
        "3",
        "-S",
        '{"temperature":1}',
        "--split",
        "train",
        "--env-mode",
        "multi-turn",
      ],
      { cwd },
    );
    expect(refused.exitCode).toBe(2);
    for (const part of [
      '--num-examples 5 (the run has "all")',
      "--seed 3 (the run has 7)",
      "--sampling-args",
      '--split "train" (the run has "test")',
      '--env-mode "multi-turn" (the run has "single-turn")',
    ]) {
      expect(refused.stderr).toContain(part);
    }
    const otherModel = await runEvalCli(["--resume", dir, "-m", "baseline/learned"], { cwd });
    expect(otherModel.stderr).toMatch(
      /--model \["baseline\/learned"\] \(the run has "baseline\/heuristic"\)/,
    );
    const same = await runEvalCli(
      [
        "--resume",
        dir,
        "-m",
        "baseline/heuristic",
        "--seed",
        "7",
        "-r",
        "2",
        "-c",
        "3",
        "--request-timeout",
        "5",
        "--env-mode",
        "single-turn",
        "--no-cache",
        "--max-cost",
        "10",
      ],
      { cwd },
    );
    expect(same.exitCode, same.stderr).toBe(0);
    expect(readJsonl(join(dir, "results.jsonl"))).toHaveLength(60);
  });

  it("keeps Azure's api-version in base_url so the printed resume hint works; a key in the query is never stored", async () => {
    const { urls } = await scriptedServer();
    const cwd = tempDir();
    const controller = new AbortController();
    const base = `${server!.baseURL}?api-version=2024-10-21`;
    const run = await runEvalCli(
      ["-m", "az", "-b", base, "--dataset", MINI_DATASET, "-c", "1", "--run-id", "az"],
      {
        cwd,
        signal: controller.signal,
        fetch: (input, init) => {
          if (urls.length >= 4) controller.abort();
          return fetch(input, init);
        },
      },
    );
    expect(run.exitCode).toBe(130);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--az/az");
    expect(readJson(join(dir, "metadata.json")).base_url).toBe(base);
    const before = urls.length;
    const resumed = await runEvalCli(hintArgs(run.stderr), { cwd });
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(urls.slice(before).length).toBeGreaterThan(20);
    expect(urls.every((url) => url.endsWith("/chat/completions?api-version=2024-10-21"))).toBe(true);

    const secret = "Sv-QUERY-SECRET-0123456789";
    const keyed = `${server!.baseURL}?api-version=2024-10-21&key=${secret}`;
    const controller2 = new AbortController();
    const stopped = await runEvalCli(
      ["-m", "gm", "-b", keyed, "--dataset", MINI_DATASET, "-c", "1", "--run-id", "k"],
      {
        cwd,
        signal: controller2.signal,
        fetch: (input, init) => {
          controller2.abort();
          return fetch(input, init);
        },
      },
    );
    const keyDir = join(cwd, "outputs/evals/sv-env-network-logs--gm/k");
    expect(readJson(join(keyDir, "metadata.json"))).toMatchObject({
      base_url: base,
      base_url_left_out: ['query parameter "key"'],
    });
    for (const name of readdirSync(keyDir))
      expect(readFileSync(join(keyDir, name), "utf8")).not.toContain(secret);
    expect(stopped.stderr).toMatch(
      /Finish it with: pnpm eval --resume \S+ -b URL, where URL is .*api-version=2024-10-21 with its query parameter "key" put back/,
    );
    expect(stopped.stderr).not.toContain(secret);
    const withoutKey = await runEvalCli(["--resume", keyDir], { cwd });
    expect(withoutKey.exitCode).toBe(2);
    expect(withoutKey.stderr).toMatch(
      /had query parameter "key", which are never stored; pass it again with -b URL/,
    );
    const withKey = await runEvalCli(["--resume", keyDir, "-b", keyed], { cwd });
    expect(withKey.exitCode, withKey.stderr).toBe(0);
    expect(urls.at(-1)).toContain(`key=${secret}`);
  });

  it("--resume with no path finishes the newest unfinished run of the model; with none it starts a new run", async () => {
    const cwd = tempDir();
    const runs = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic");
    expect((await runEvalCli(["--run-id", "done"], { cwd })).exitCode).toBe(0);
    let clock = 0;
    const now = () => new Date(Date.UTC(2025, 0, 1, 0, clock++));
    await runEvalCli(["--run-id", "older"], { cwd, now, signal: aborted() });
    await runEvalCli(["--run-id", "newer"], { cwd, now, signal: aborted() });
    const resumed = await runEvalCli(["--resume"], { cwd });
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(
      /the newest unfinished run of baseline\/heuristic is outputs\/evals\/.*\/newer/,
    );
    expect(readJson(join(runs, "newer/metadata.json")).status).toBe("complete");
    expect(readJson(join(runs, "older/metadata.json")).status).toBe("stopped");
    const next = await runEvalCli(["--resume", "-m", "baseline/heuristic"], { cwd });
    expect(next.stderr).toMatch(/newest unfinished run of baseline\/heuristic is .*\/older/);
    const fresh = await runEvalCli(["--resume", "-m", "baseline/heuristic"], {
      cwd,
      createRunId: () => "brandnew",
    });
    expect(fresh.exitCode).toBe(0);
    expect(fresh.stderr).toMatch(
      /no unfinished run of baseline\/heuristic in outputs\/evals\/sv-env-network-logs--baseline--heuristic; starting a new run/,
    );
    expect(existsSync(join(runs, "brandnew/summary.json"))).toBe(true);
  });

  it("--retry-errors needs a finished run; --resume on a finished one has nothing to do", async () => {
    const cwd = tempDir();
    await runEvalCli(["--run-id", "u"], { cwd, signal: aborted() });
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/u");
    const retry = await runEvalCli(["--retry-errors", dir], { cwd });
    expect(retry.exitCode).toBe(2);
    expect(retry.stderr).toMatch(
      /the run is not finished \(status stopped\); finish it first with pnpm eval --resume/,
    );
    expect((await runEvalCli(["--resume", dir], { cwd })).exitCode).toBe(0);
    const again = await runEvalCli(["--resume", dir], { cwd });
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toMatch(/is complete; nothing to resume/);
    const both = await runEvalCli(["--resume", dir, "--retry-errors", dir], { cwd });
    expect(both.exitCode).toBe(2);
  });

  it("--retry-errors killed while it drops the errored rows leaves an unfinished run that --resume completes", async () => {
    let failing = true;
    server = await startOpenAIServer({
      handle: (request) => {
        const question = String(request.messages.at(-1)?.content);
        if (failing && /orig_p=4000[1-4],/.test(question)) return { type: "status", status: 400 };
        return { type: "reply", content: scriptedAnswer(question) };
      },
    });
    const cwd = tempDir();
    const args = ["-m", "m", "-b", server.baseURL, "--dataset", MINI_DATASET, "--split", "all", "-c", "1"];
    const first = await runEvalCli([...args, "--run-id", "r", "--max-consecutive-errors", "0"], { cwd });
    expect(first.exitCode).toBe(0);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--m/r");
    const errored = readJsonl(join(dir, "results.jsonl")).filter((row) => row.error !== null).length;
    expect(errored).toBeGreaterThanOrEqual(2);
    failing = false;
    // The "kill": the first in-place write of the compaction fails.
    const killed = failingFs({ budget: 0, only: /results\.jsonl$/, code: "EKILLED" });
    const retry = await runEvalCli(["--retry-errors", dir], { cwd, fs: killed });
    expect(retry.exitCode).toBe(1);
    noStackTrace(retry.stderr);
    expect(readJson(join(dir, "metadata.json")).status).toBe("running");
    const resumed = await runEvalCli(["--resume", dir], { cwd });
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(readJsonl(join(dir, "results.jsonl"))).toHaveLength(40);
    expect(new Set(keys(join(dir, "results.jsonl"))).size).toBe(40);
    expect(readJson(join(dir, "metadata.json")).status).toBe("complete");
    const again = await runEvalCli(["--retry-errors", dir], { cwd });
    expect(again.exitCode, again.stderr).toBe(0);
    const rows = readJsonl(join(dir, "results.jsonl"));
    expect(rows).toHaveLength(40);
    expect(rows.every((row) => row.error === null)).toBe(true);
    expect(readJson(join(dir, "summary.json")).n_errors).toBe(0);
  });

  it("eval report on a killed run's torn results.jsonl says the last line is torn and how to finish the run", async () => {
    const cwd = tempDir();
    await runEvalCli(["--run-id", "torn"], { cwd });
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/torn");
    writeFileSync(join(dir, "results.jsonl"), '{"example_id": 3, "rollout_in', { flag: "a" });
    let stderr = "";
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((text) => {
      stderr += String(text);
      return true;
    });
    try {
      expect(await runCli(["node", "eval", "report", dir])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toMatch(
      /line 45: not valid JSON.*The last line of .*results\.jsonl is torn .*pnpm eval --resume .*torn`, which trims it/,
    );
  });
});
