import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type HandRollout, type WriteRunDirOptions, writeRunDir } from "../../../test/write-run-dir.js";
import { reportRunDir } from "../report-run-dir.js";
import { buildScoreboard } from "./scoreboard.js";
import { writeComparison } from "./write-comparison.js";

const rollouts = (skill: number): HandRollout[] =>
  Array.from({ length: 40 }, (_, index) => {
    const answer = index % 2 ? "Benign" : "Malicious";
    const right = (index * 7) % 10 < skill * 10;
    return {
      label: right ? answer : answer === "Benign" ? "Malicious" : "Benign",
      confidence: 0.5 + (index % 5) / 10,
      answer,
    };
  });

async function compare(a: Omit<WriteRunDirOptions, "dir">, b: Omit<WriteRunDirOptions, "dir">) {
  const root = await mkdtemp(join(tmpdir(), "sv-comparable-"));
  const runs = [];
  for (const [index, options] of [a, b].entries()) {
    const result = await reportRunDir({
      dir: await writeRunDir({ ...options, dir: join(root, `r${index}`) }),
      resamples: 30,
    });
    runs.push({ data: result.data, htmlPath: result.files.html });
  }
  const written = await writeComparison({ runs, root });
  return {
    board: buildScoreboard({ runs: runs.map((run) => run.data) }),
    html: await readFile(written.html, "utf8"),
    markdown: await readFile(written.markdown, "utf8"),
  };
}

describe("comparisons", () => {
  it("ranks runs on the same data under the same rubric, stating what varies", async () => {
    const { board, html, markdown } = await compare(
      { rollouts: rollouts(0.9), model: "acme/strong" },
      { rollouts: rollouts(0.5), model: "acme/weak", metadata: { sampling_args: { temperature: 0.7 } } },
    );
    expect(board.comparable).toBe(true);
    expect(board.differences.map((difference) => difference.facet)).toEqual(["Model", "Sampling args"]);
    expect(board.rows[0]!.best.has("accuracy")).toBe(true);
    expect(html).toContain('data-comparable="true"');
    expect(html).toContain('<tr data-facet="Sampling args" data-incomparable="false">');
    expect(markdown).toMatch(
      /Same data, examples and rubric in every run; they differ in model, sampling args\./,
    );
    expect(markdown).toContain('| Sampling args | {"temperature":0} | {"temperature":0.7} | yes |');
  });

  it("marks no best across runs on different datasets, and says so at the top", async () => {
    const { board, html, markdown } = await compare(
      { rollouts: rollouts(0.9) },
      {
        rollouts: rollouts(0.5),
        metadata: { dataset: { name: "unsw-nb15-ood-v1", source: "local", split: "test" } },
      },
    );
    expect(board.comparable).toBe(false);
    expect(board.rows.every((row) => row.best.size === 0)).toBe(true);
    expect(html).not.toContain('data-best="true"');
    expect(html).toContain('data-comparable="false"');
    expect(markdown).not.toContain("**");
    const verdict = markdown.split("\n")[2]!;
    expect(verdict).toBe("These runs are not comparable: they differ in dataset. No run is marked best.");
    expect(markdown).toContain("| Dataset | cic-ids-2017-ood-v1 | unsw-nb15-ood-v1 | no |");
  });

  it("marks no best across runs scored with different rubric costs or on different examples", async () => {
    const costs = await compare(
      { rollouts: rollouts(0.9) },
      { rollouts: rollouts(0.5), costs: { missedAttack: -2 } },
    );
    expect(costs.board.comparable).toBe(false);
    expect(
      costs.board.differences.find((difference) => difference.facet === "Rubric costs")?.incomparable,
    ).toBe(true);
    expect(costs.html).not.toContain('data-best="true"');
    const fewer = await compare({ rollouts: rollouts(0.9) }, { rollouts: rollouts(0.5).slice(0, 30) });
    expect(fewer.board.comparable).toBe(false);
    expect(fewer.markdown).toMatch(/differ in examples, examples evaluated/);
  });

  it("never ranks a metric that is undefined on a run, and shows it as n/a", async () => {
    const benignOnly = (label: "Benign" | "Malicious"): HandRollout[] =>
      Array.from({ length: 10 }, (_, index) => ({
        label: index < 3 ? label : "Benign",
        confidence: 0.8,
        answer: "Benign",
      }));
    const { board, html, markdown } = await compare(
      { rollouts: benignOnly("Malicious") },
      { rollouts: benignOnly("Benign") },
    );
    expect(board.comparable).toBe(true);
    for (const row of board.rows) {
      expect(row.best.has("tpr")).toBe(false);
      expect(row.best.has("f1")).toBe(false);
    }
    expect(board.rows[1]!.best.has("fpr")).toBe(true);
    expect(html).toContain(
      '<td class="num na" data-metric="tpr" data-value="" data-undefined="true">n/a</td>',
    );
    const row = markdown.split("\n").find((line) => line.startsWith("| acme/hand"))!;
    expect(row.split(" | ")[5]).toBe("n/a");
  });
});
