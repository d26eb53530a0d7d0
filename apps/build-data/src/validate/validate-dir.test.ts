import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { flowHash, parseQuestion } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import { runBuild } from "../build/run-build.js";
import { smallBuildOptions, smallSources } from "../test-utils/small-build.js";
import { validateDir } from "./validate-dir.js";

const IOT = "iot23-train-dev-test-v1.jsonl";

interface PlantedRow {
  question: string;
  meta: Record<string, unknown>;
}

async function plant(
  path: string,
  edit: (edit: (line: number, change: (question: string) => string) => void, rows: PlantedRow[]) => void,
): Promise<void> {
  const rows: PlantedRow[] = (await readFile(path, "utf8"))
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  edit((line, change) => {
    const row = rows[line - 1]!;
    row.question = change(row.question);
  }, rows);
  for (const row of rows) row.meta.hash = flowHash(parseQuestion(row.question));
  await writeFile(path, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
}

describe("validateDir", () => {
  it("finds planted leaks, non-canonical values and a flow shared between two files, by file, line and field", async () => {
    const { root, sources } = await smallSources();
    const out = join(root, "out");
    await runBuild(smallBuildOptions(out, sources));
    const unsw = (await readFile(join(out, "unsw-nb15-ood-v1.jsonl"), "utf8")).split("\n")[0]!;
    await plant(join(out, IOT), (change, rows) => {
      change(3, (question) => question.replace(/service=[^,]*/, "service=C&C"));
      change(5, (question) => question.replace(/history=[^,]*/, "history=PartOfAHorizontalPortScan"));
      change(6, (question) => `${question}, tunnel_parents=Okiru`);
      change(7, (question) => question.replace(/orig_pkts=(\d+)/, "orig_pkts=0$1"));
      change(8, (question) =>
        question.replace(/proto=([a-z]+)/, (_, proto: string) => `proto=${proto.toUpperCase()}`),
      );
      change(9, (question) => `${question} - looks like a scan`);
      const shared = JSON.parse(unsw) as PlantedRow;
      rows.push({ ...shared, meta: { ...shared.meta, split: "train" } });
    });
    const checks = await validateDir({ dir: out });
    const failed = Object.fromEntries(
      checks.filter((check) => !check.ok).map((check) => [check.name, check.detail]),
    );
    const questions = failed[`${IOT}: questions are canonical flows without label or family words`]!;
    expect(questions).toContain(`${IOT}:3 field service: value "C&C" shows the label or family word "C&C"`);
    expect(questions).toContain(`${IOT}:5 field history: value "PartOfAHorizontalPortScan" shows`);
    expect(questions).toContain(`${IOT}:6 field tunnel_parents: unknown key`);
    expect(questions).toMatch(new RegExp(`${IOT}:7 field orig_pkts: value "0\\d+" is not a count`));
    expect(questions).toMatch(new RegExp(`${IOT}:8 field proto: value "[A-Z]+" is not a lower-case`));
    expect(questions).toContain("… 1 more");
    expect(failed[`${IOT}: manifest counts match the file`]).toMatch(
      /sampling-iot23-v1.json field counts.total: (\d+), the file has (\d+)/,
    );
    expect(
      failed[`no flow shared between ${IOT}, cic-ids-2017-ood-v1.jsonl, unsw-nb15-ood-v1.jsonl`],
    ).toMatch(new RegExp(`[0-9a-f]{16} in ${IOT}:\\d+ and unsw-nb15-ood-v1.jsonl:1`));
  });

  it("a clean build passes every check, including the build record and the baseline against the majority class", async () => {
    const { root, sources } = await smallSources();
    const out = join(root, "out");
    await runBuild(smallBuildOptions(out, sources));
    const checks = await validateDir({ dir: out });
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    expect(checks.map((check) => check.name)).toEqual(
      expect.arrayContaining([
        "baseline-learned-v1.json: calibration finite and bounded",
        "baseline-learned-v1.json: no worse than the majority class",
        "build-v1.json: every file belongs to one build",
        "build-v1.json: build complete",
      ]),
    );
    // A diverged calibration (every confidence 0 or 1) is caught.
    const modelPath = join(out, "baseline-learned-v1.json");
    const model = JSON.parse(await readFile(modelPath, "utf8"));
    await writeFile(modelPath, JSON.stringify({ ...model, calibration: { a: 36497.5, b: -40891.6 } }));
    const failed = (await validateDir({ dir: out })).filter((check) => !check.ok).map((check) => check.name);
    expect(failed).toContain("baseline-learned-v1.json: calibration finite and bounded");
  });
});
