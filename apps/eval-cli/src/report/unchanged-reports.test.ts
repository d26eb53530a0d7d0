import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ENV_VERSION } from "@sv/env";
import { describe, expect, it } from "vitest";
import { writeFakeRun } from "../../test/browser/fake-run.js";
import { writeComparison } from "./compare/write-comparison.js";
import { reportRunDir } from "./report-run-dir.js";
import type { RunReportData } from "./run-report-data.js";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "..", "..", "..", "..", "fixtures", "report");
const digestsFile = join(fixtures, "unchanged-report-digests.json");

/**
 * SHA-256 of the files `eval report` writes for runs without a judge, recorded before the judge
 * sections existed: a run that carries no judge field must render byte for byte as it did then.
 * The package version is masked so a release does not change the digests. To re-record after an
 * intended change to the report: `SV_RECORD_REPORT_DIGESTS=1 npx vitest run src/report/unchanged-reports.test.ts`.
 */
const digest = (text: string) =>
  createHash("sha256").update(text.split(ENV_VERSION).join("<env-version>")).digest("hex");

async function reportOf(root: string, name: string) {
  const dir = join(root, name);
  if (name === "fake-run") await writeFakeRun({ dir, seed: 7, examples: 60, rolloutsPerExample: 2 });
  else await cp(join(fixtures, name), dir, { recursive: true });
  // Runs without a recorded time take results.jsonl's mtime: pin it.
  const fixed = new Date("2026-01-01T00:00:00Z");
  await utimes(join(dir, "results.jsonl"), fixed, fixed);
  const { files, data } = await reportRunDir({ dir, resamples: 30 });
  const digests: Record<string, string> = {};
  for (const [kind, file] of Object.entries(files)) digests[kind] = digest(await readFile(file, "utf8"));
  return { digests, data, htmlPath: files.html };
}

async function comparisonOf(root: string, runs: { data: RunReportData; htmlPath: string }[]) {
  const result = await writeComparison({ runs, root, out: join(root, "comparison") });
  return {
    html: digest(await readFile(result.html, "utf8")),
    markdown: digest(await readFile(result.markdown, "utf8")),
  };
}

const RUNS = ["legacy-run", "original-eval-network-logs", "vf-0.1.9", "vf-0.1.12", "vf-legacy", "fake-run"];

describe("reports of runs without a judge", () => {
  it("are byte-identical to the reports recorded before judge support", async () => {
    const root = await mkdtemp(join(tmpdir(), "sv-unchanged-"));
    const actual: Record<string, Record<string, string>> = {};
    const reports = new Map<string, Awaited<ReturnType<typeof reportOf>>>();
    for (const name of RUNS) {
      const report = await reportOf(root, name);
      reports.set(name, report);
      actual[name] = report.digests;
    }
    const pick = (...names: string[]) => names.map((name) => reports.get(name)!);
    // comparable (the same examples), then incomparable (other examples)
    actual["comparison vf-0.1.9 vf-legacy"] = await comparisonOf(root, pick("vf-0.1.9", "vf-legacy"));
    actual["comparison vf-0.1.12 fake-run"] = await comparisonOf(root, pick("vf-0.1.12", "fake-run"));
    if (process.env.SV_RECORD_REPORT_DIGESTS === "1") {
      await writeFile(digestsFile, `${JSON.stringify(actual, null, 2)}\n`);
    }
    const recorded = JSON.parse(await readFile(digestsFile, "utf8")) as typeof actual;
    expect(actual).toEqual(recorded);
  });
});
