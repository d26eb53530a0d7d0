import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallBuildOptions, smallSources } from "../test-utils/small-build.js";
import { validateDir } from "../validate/validate-dir.js";
import { runBuild } from "./run-build.js";

async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), "utf8")])),
  );
}

describe("partial rebuild (--only)", () => {
  it("keeps the other datasets: the result is byte-identical to a full build", async () => {
    const { root, sources } = await smallSources();
    const full = join(root, "full");
    const partial = join(root, "partial");
    await runBuild(smallBuildOptions(full, sources));
    await runBuild(smallBuildOptions(partial, sources));
    const result = await runBuild({ ...smallBuildOptions(partial, sources), only: ["cic"] });
    expect(result.datasets.map((dataset) => [dataset.source, dataset.carried])).toEqual([
      ["iot23", true],
      ["cic", false],
      ["unsw", true],
    ]);
    const expected = await snapshot(full);
    expect(await snapshot(partial)).toEqual(expected);
    const ood = JSON.parse(expected["sampling-e1-ood-v1.json"]!);
    expect(Object.keys(ood.datasets)).toEqual(["cic-ids-2017", "unsw-nb15"]);
    const card = expected["DATA_CARD.md"]!;
    for (const heading of [
      "iot23-train-dev-test-v1.jsonl",
      "cic-ids-2017-ood-v1.jsonl",
      "unsw-nb15-ood-v1.jsonl",
    ])
      expect(card).toContain(`### \`${heading}\``);
    // A majority-class row for every set and split, beside the baselines.
    for (const set of ["iot23 train", "iot23 dev", "iot23 test", "cic-ids-2017 ood", "unsw-nb15 ood"])
      expect(card).toMatch(
        new RegExp(`\\| majority class[^|]* \\| ${set} \\(\\d+ rows\\) \\| \\d+\\.\\d% \\|`),
      );
    expect((await validateDir({ dir: partial })).filter((check) => !check.ok)).toEqual([]);
  });

  it("builds up a set one dataset at a time", async () => {
    const { root, sources } = await smallSources();
    const out = join(root, "stepwise");
    await runBuild({ ...smallBuildOptions(out, sources), only: ["unsw"] });
    await runBuild({ ...smallBuildOptions(out, sources), only: ["iot23", "cic"] });
    const full = join(root, "full");
    await runBuild(smallBuildOptions(full, sources));
    expect(await snapshot(out)).toEqual(await snapshot(full));
  });

  it("refuses to mix in a dataset sampled with another seed, or changed since it was built", async () => {
    const { root, sources } = await smallSources();
    const out = join(root, "out");
    await runBuild(smallBuildOptions(out, sources));
    const before = await snapshot(out);
    await expect(runBuild({ ...smallBuildOptions(out, sources), only: ["cic"], seed: 8 })).rejects.toThrow(
      /iot23-train-dev-test-v1.jsonl was sampled with --seed 7, this build uses --seed 8/,
    );
    const unsw = join(out, "unsw-nb15-ood-v1.jsonl");
    await writeFile(unsw, (await readFile(unsw, "utf8")).replace(/proto=udp/, "proto=tcp"));
    await expect(runBuild({ ...smallBuildOptions(out, sources), only: ["cic"] })).rejects.toThrow(
      /unsw-nb15-ood-v1.jsonl changed since build [0-9a-f]{16} was made/,
    );
    const after = await snapshot(out);
    delete after["unsw-nb15-ood-v1.jsonl"];
    delete before["unsw-nb15-ood-v1.jsonl"];
    expect(after).toEqual(before);
    expect((await readdir(root)).sort()).toEqual(["iot23", "out"]);
  });
});
