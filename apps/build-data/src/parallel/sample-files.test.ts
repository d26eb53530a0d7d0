import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type RunBuildOptions, runBuild } from "../build/run-build.js";
import { fixturesDir, requireRawSamples } from "../test-utils/paths.js";
import { sampleFiles } from "./sample-files.js";
import { CliError } from "../cli-error.js";

const raw = requireRawSamples();
const rawDir = raw.path;

const options = (out: string, workers: number, reverse: boolean): RunBuildOptions => {
  const order = <T>(list: T[]) => (reverse ? [...list].reverse() : list);
  return {
    sources: {
      iot23: order([join(rawDir, "iot23"), join(fixturesDir, "iot23")]),
    },
    only: ["iot23"],
    out,
    limit: 120,
    oodLimit: 30,
    seed: 11,
    splitStrategy: "stratified",
    mode: "full",
    attempted: "exclude",
    hub: { cacheDir: join(out, "cache"), offline: true },
    workers,
    minBytesPerWorker: 0,
  };
};

async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((name) => name !== "cache").sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), "utf8")])),
  );
}

describe.skipIf(!raw.available)("parallel reads", () => {
  // IoT-23 only: several files in two roots, both label layouts, CRLF; each worker start costs ~1 s under tsx.
  it("give byte-identical outputs for 1 and 2 workers and reversed input order", async () => {
    const outputs: Record<string, string>[] = [];
    for (const [workers, reverse] of [
      [1, false],
      [2, true],
    ] as const) {
      const out = await mkdtemp(join(tmpdir(), "bd-par-"));
      await runBuild(options(out, workers, reverse));
      outputs.push(await snapshot(out));
    }
    expect(Object.keys(outputs[0]!)).toContain("iot23-train-dev-test-v1.jsonl");
    for (const output of outputs.slice(1)) expect(output).toEqual(outputs[0]);
  });

  it("delivers results in job order and reports a worker's error", async () => {
    const file = (name: string) => ({
      path: join(rawDir, "iot23", name, "bro", "conn.log.labeled"),
      displayName: `${name}/bro/conn.log.labeled`,
    });
    const job = (name: string) => ({
      source: "iot23" as const,
      file: file(name),
      seed: 1,
      capacity: 10,
      attempted: "exclude" as const,
    });
    const seen: number[] = [];
    await sampleFiles({
      jobs: [job("CTU-Honeypot-Capture-4-1"), job("CTU-IoT-Malware-Capture-34-1")],
      workers: 2,
      minBytesPerWorker: 0,
      onResult: (result, index) => {
        expect("sample" in result).toBe(true);
        seen.push(index);
      },
    });
    expect(seen).toEqual([0, 1]);
    // The missing file (size 0) goes to the worker thread: its error comes back as one clean CLI line.
    const failure = await sampleFiles({
      jobs: [job("CTU-IoT-Malware-Capture-34-1"), job("no-such-capture")],
      workers: 2,
      minBytesPerWorker: 0,
      onResult: () => undefined,
    }).catch((error: unknown) => error);
    expect(CliError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toBe(
      `${file("no-such-capture").path}: cannot read: no such file or folder (ENOENT)`,
    );
  });
});
