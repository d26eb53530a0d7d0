import { spawn, spawnSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "../test-utils/paths.js";
import { smallBuildOptions, smallSources } from "../test-utils/small-build.js";
import { validateDir } from "../validate/validate-dir.js";
import { finishInterruptedInstalls } from "./install-build.js";
import { runBuild } from "./run-build.js";

async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), "utf8")])),
  );
}

/** The pid of a process that has exited (so it cannot own anything any more). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

const failed = async (dir: string) =>
  (await validateDir({ dir })).filter((check) => !check.ok).map((check) => `${check.name}: ${check.detail}`);

describe("staged builds", () => {
  it("a build that fails on its second source leaves the previous build untouched", async () => {
    const { root, sources } = await smallSources();
    const out = join(root, "out");
    await writeFile(join(root, "notes.txt"), "mine\n");
    await runBuild({ ...smallBuildOptions(out, sources), only: ["iot23", "unsw"] });
    await writeFile(join(out, "my-notes.txt"), "not part of any build\n");
    const before = await snapshot(out);
    await expect(
      runBuild({
        ...smallBuildOptions(out, { ...sources, cic: [join(fixturesDir, "unsw")] }),
        limit: 100,
        only: ["iot23", "cic"],
      }),
    ).rejects.toThrow(/cic: no usable flows/);
    expect(await snapshot(out)).toEqual(before);
    expect((await readdir(root)).sort()).toEqual(["iot23", "notes.txt", "out"]);
    // A successful rebuild replaces the build's files and keeps files that belong to no build.
    await runBuild({ ...smallBuildOptions(out, sources), seed: 9 });
    expect(await readFile(join(out, "my-notes.txt"), "utf8")).toBe("not part of any build\n");
    expect(await failed(out)).toEqual([]);
  });

  it("removes staging folders of killed builds and finishes an interrupted install", async () => {
    const { root, sources } = await smallSources();
    const out = join(root, "out");
    const next = join(root, "next");
    await runBuild(smallBuildOptions(out, sources));
    await runBuild({ ...smallBuildOptions(next, sources), seed: 9 });
    const expected = await snapshot(next);
    // A build killed while staging, and one killed half-way through installing its complete build.
    const stale = `${out}.staging-${deadPid()}`;
    await mkdir(stale);
    await writeFile(join(stale, "iot23-train-dev-test-v1.jsonl"), "half a file");
    const swap = `${out}.swap-${deadPid()}`;
    await rename(next, swap);
    for (const name of ["iot23-train-dev-test-v1.jsonl", "DATA_CARD.md"])
      await rename(join(swap, name), join(out, name));
    // The mix is what validate must catch: new dataset and card beside the old manifests and model.
    const problems = await failed(out);
    expect(problems.join("\n")).toMatch(
      /build-v1.json: every file belongs to one build: .*iot23-train-dev-test-v1.jsonl: SHA-256 differs/,
    );
    expect(problems.join("\n")).toMatch(/DATA_CARD.md: build id [0-9a-f]{16}, the record says/);
    expect(problems.join("\n")).toMatch(
      /no interrupted install: .*\.swap-\d+: a complete build was being installed/,
    );
    expect(await finishInterruptedInstalls(out)).toEqual([swap]);
    expect(await snapshot(out)).toEqual(expected);
    expect(await failed(out)).toEqual([]);
    await runBuild({ ...smallBuildOptions(out, sources), seed: 9 });
    expect((await readdir(root)).sort()).toEqual(["iot23", "out"]);
  });

  it("refuses a second build into an --out that a running build is staging", async () => {
    const { root, sources } = await smallSources();
    const out = join(root, "out");
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      await mkdir(`${out}.staging-${other.pid}`, { recursive: true });
      await expect(runBuild(smallBuildOptions(out, sources))).rejects.toThrow(
        new RegExp(`another build-data \\(pid ${other.pid}\\) is building into ${out}`),
      );
    } finally {
      other.kill();
    }
  });

  it("validate rejects files copied in from another build", async () => {
    const { root, sources } = await smallSources();
    const first = join(root, "first");
    const second = join(root, "second");
    await runBuild(smallBuildOptions(first, sources));
    await runBuild({ ...smallBuildOptions(second, sources), seed: 9 });
    for (const name of ["baseline-learned-v1.json", "DATA_CARD.md"])
      await cp(join(second, name), join(first, name));
    const problems = (await failed(first)).join("\n");
    expect(problems).toMatch(/baseline-learned-v1.json: SHA-256 differs from the record/);
    expect(problems).toMatch(/baseline-learned-v1.json: build id [0-9a-f]{16}, the record says/);
    expect(problems).toMatch(/DATA_CARD.md: SHA-256 differs from the record/);
  });
});
