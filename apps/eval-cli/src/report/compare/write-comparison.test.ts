import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HOSTILE, writeFakeRun } from "../../../test/browser/fake-run.js";
import { reportRunDir } from "../report-run-dir.js";
import { buildScoreboard } from "./scoreboard.js";
import { writeComparison } from "./write-comparison.js";

describe("writeComparison", async () => {
  const root = await mkdtemp(join(tmpdir(), "sv-compare-"));
  const strong = await reportRunDir({
    dir: await writeFakeRun({
      dir: join(root, "a", "r1"),
      seed: 1,
      examples: 200,
      skill: 0.95,
      model: "acme/strong",
    }),
    resamples: 50,
  });
  const weak = await reportRunDir({
    dir: await writeFakeRun({
      dir: join(root, "b", "r2"),
      seed: 2,
      examples: 200,
      skill: 0.6,
      hostile: true,
    }),
    resamples: 50,
  });
  const runs = [strong, weak].map((result) => ({ data: result.data, htmlPath: result.files.html }));

  it("marks the best run per column by its direction and leaves the abstain rate unranked", () => {
    const { rows, comparable, differences } = buildScoreboard({ runs: runs.map((run) => run.data) });
    expect(comparable).toBe(true);
    expect(differences.map((difference) => difference.facet)).toContain("Model");
    expect(rows[0]!.best.has("accuracy")).toBe(true);
    expect(rows[1]!.best.has("accuracy")).toBe(false);
    const fpr = rows.map((row) => row.values.fpr!.value!);
    expect(rows[fpr.indexOf(Math.min(...fpr))]!.best.has("fpr")).toBe(true);
    expect(rows.some((row) => row.best.has("abstain_rate"))).toBe(false);
    expect(buildScoreboard({ runs: [strong.data] }).rows[0]!.best.size).toBe(0);
  });

  it("writes the scoreboard and the page under comparisons/<hash>, stable for the same runs", async () => {
    const first = await writeComparison({ runs, root });
    const second = await writeComparison({ runs, root });
    expect(second.dir).toBe(first.dir);
    expect(first.dir).toMatch(/comparisons[/\\][0-9a-f]{12}$/);
    const markdown = await readFile(first.markdown, "utf8");
    const lines = markdown
      .split("## Cost and rollouts per example")[0]!
      .split("\n")
      .filter((line) => line.startsWith("| acme/strong") || line.startsWith("| evil"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`**${strong.data.intervals.accuracy!.value!.toFixed(3)} [`);
    expect(markdown).not.toContain("<script");
    const html = await readFile(first.html, "utf8");
    expect(html).toContain('href="../../a/r1/report.html"');
    expect(html).not.toContain(HOSTILE);
    expect(html.match(/<script/gi)).toBeNull();
    expect(html).toContain('data-chart="reliability"');
    expect(html.match(/data-best="true"/g)!.length).toBeGreaterThanOrEqual(9);
  });

  it("honours --out", async () => {
    const out = join(root, "mine");
    const result = await writeComparison({ runs, root, out });
    expect(result.dir).toBe(out);
    expect(await readFile(join(out, "comparison.html"), "utf8")).toContain("E1 comparison of 2 runs");
  });
});
