import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it as anyIt } from "vitest";
import { fixturesDir, requireRawSamples } from "../test-utils/paths.js";
import { validateDir } from "../validate/validate-dir.js";
import { type RunBuildOptions, runBuild } from "./run-build.js";

const base = (out: string, sources: RunBuildOptions["sources"]): RunBuildOptions => ({
  sources,
  out,
  limit: 200,
  oodLimit: 40,
  seed: 7,
  splitStrategy: "stratified",
  mode: "full",
  attempted: "exclude",
  hub: { cacheDir: join(out, "cache"), offline: true },
});

const raw = requireRawSamples();
/** Tests that read the real raw samples: skipped (with one line) when they are missing, except under CI. */
const it = anyIt.skipIf(!raw.available);
const rawDir = raw.path;
const iot = [join(rawDir, "iot23"), join(fixturesDir, "iot23")];
const cic = [join(fixturesDir, "cic"), join(rawDir, "cic-ids-2017")];
const unsw = [join(rawDir, "unsw-nb15"), join(fixturesDir, "unsw")];

async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((name) => name !== "cache").sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), "utf8")])),
  );
}

describe("runBuild", () => {
  it("builds every output, valid, and byte-identical whatever order the inputs are given in", async () => {
    const first = await mkdtemp(join(tmpdir(), "bd-"));
    const second = await mkdtemp(join(tmpdir(), "bd-"));
    const result = await runBuild(base(first, { iot23: iot, cic, unsw }));
    await runBuild(
      base(second, { iot23: [...iot].reverse(), cic: [...cic].reverse(), unsw: [...unsw].reverse() }),
    );
    const files = await snapshot(first);
    expect(Object.keys(files)).toEqual([
      "DATA_CARD.md",
      "baseline-learned-v1.json",
      "build-v1.json",
      "cic-ids-2017-ood-v1.jsonl",
      "iot23-train-dev-test-v1.jsonl",
      "sampling-e1-ood-v1.json",
      "sampling-iot23-v1.json",
      "unsw-nb15-ood-v1.jsonl",
    ]);
    expect(await snapshot(second)).toEqual(files);
    const checks = await validateDir({ dir: first });
    expect(checks.filter((check) => !check.ok)).toEqual([]);

    const iotManifest = JSON.parse(files["sampling-iot23-v1.json"]!);
    expect(iotManifest.counts.by_label).toEqual({ Benign: 100, Malicious: 100 });
    expect(iotManifest.counts.by_split).toEqual({
      dev: { Benign: expect.any(Number), Malicious: expect.any(Number) },
      test: { Benign: expect.any(Number), Malicious: expect.any(Number) },
      train: { Benign: expect.any(Number), Malicious: expect.any(Number) },
    });
    expect(iotManifest.inputs.map((input: { file: string }) => input.file)).toContain(
      "iot23/CTU-IoT-Malware-Capture-99-1/bro/conn.log.labeled",
    );
    expect(
      iotManifest.inputs.find((input: { file: string }) => input.file.endsWith("34-1/bro/conn.log.labeled"))
        .sha256,
    ).toBe("1c9fbd8a90bde2606e928beb9957a97f615179e8b1ba65bba0cf594d0395e1f1");
    expect(iotManifest.lines_skipped.counts).toMatchObject({ "too few fields": 2, "unknown label": 1 });
    const ood = JSON.parse(files["sampling-e1-ood-v1.json"]!);
    expect(ood.datasets["cic-ids-2017"].counts.by_label.Malicious).toBe(20);
    expect(ood.datasets["unsw-nb15"].ignored_files).toEqual([
      { file: "unsw-nb15/NUSW-NB15_features.csv", reason: "UNSW-NB15 metadata file" },
    ]);
    expect(files["DATA_CARD.md"]).toContain("Shortcut audit");
    expect(files["DATA_CARD.md"]).toContain("baseline/heuristic");
    expect(result.learned?.["iot23 test"]?.accuracy).toBeGreaterThan(0.8);
    // Provenance: every IoT-23 row names its file and line.
    const row = JSON.parse(files["iot23-train-dev-test-v1.jsonl"]!.split("\n")[0]!);
    expect(row.meta).toMatchObject({
      source: "iot23",
      file: expect.stringMatching(/^iot23\//),
      line: expect.any(Number),
    });
  });

  it("--mode test writes tiny -test files, and capture splits hold whole captures out", async () => {
    const out = await mkdtemp(join(tmpdir(), "bd-"));
    const options: RunBuildOptions = {
      ...base(out, { iot23: iot }),
      only: ["iot23"],
      mode: "test",
      splitStrategy: "capture",
    };
    // Three captures in 20 rows leave one split empty: the build fails its own splits check...
    await expect(runBuild(options)).rejects.toThrow(
      /failed 1 of its own checks \(iot23-train-dev-test-test.jsonl: splits\)/,
    );
    expect(await readdir(out)).toEqual([]);
    // ...and is installed anyway with --allow-incomplete, saying which check failed.
    const result = await runBuild({ ...options, allowIncomplete: true });
    expect(result.failedChecks.map((check) => check.name)).toEqual([
      "iot23-train-dev-test-test.jsonl: splits",
    ]);
    const files = await snapshot(out);
    expect(Object.keys(files)).toEqual([
      "DATA_CARD-test.md",
      "baseline-learned-test.json",
      "build-test.json",
      "iot23-train-dev-test-test.jsonl",
      "sampling-iot23-test.json",
    ]);
    const rows = files["iot23-train-dev-test-test.jsonl"]!.trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(20);
    const manifest = JSON.parse(files["sampling-iot23-test.json"]!);
    const scenarioSplit = new Map<string, string>();
    for (const row of rows) {
      expect(scenarioSplit.get(row.meta.scenario) ?? row.meta.split).toBe(row.meta.split);
      scenarioSplit.set(row.meta.scenario, row.meta.split);
      expect(manifest.capture_splits[row.meta.scenario]).toBe(row.meta.split);
    }
  });

  it("validate fails on a tampered or duplicated row", async () => {
    const out = await mkdtemp(join(tmpdir(), "bd-"));
    await runBuild({ ...base(out, { unsw }), only: ["unsw"] });
    const path = join(out, "unsw-nb15-ood-v1.jsonl");
    const lines = (await readFile(path, "utf8")).trim().split("\n");
    await writeFile(path, `${[...lines, lines[0]!.replace("proto=", "proto=x")].join("\n")}\n`);
    const failed = (await validateDir({ dir: out })).filter((check) => !check.ok).map((check) => check.name);
    expect(failed).toEqual([
      "unsw-nb15-ood-v1.jsonl: no duplicate flow (meta.hash) in any split",
      "unsw-nb15-ood-v1.jsonl: meta.hash matches the question's flow",
      "unsw-nb15-ood-v1.jsonl: manifest counts match the file",
      "build-v1.json: every file belongs to one build",
    ]);
  });

  anyIt("fails clearly when nothing usable remains, and offline for a missing source", async () => {
    const out = await mkdtemp(join(tmpdir(), "bd-"));
    await expect(
      runBuild({ ...base(out, { cic: [join(fixturesDir, "unsw")] }), only: ["cic"] }),
    ).rejects.toThrow(/cic: no usable flows/);
    await expect(runBuild({ ...base(out, {}), only: ["unsw"] })).rejects.toThrow(
      /cannot reach the Hugging Face Hub to download Mireu-Lab\/UNSW-NB15 .*--unsw PATH/,
    );
  });
});
