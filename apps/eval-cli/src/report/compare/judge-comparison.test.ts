import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { type JudgeRollout, writeJudgeRun } from "../../../test/write-judge-run.js";
import { reportRunDir } from "../report-run-dir.js";
import { buildScoreboard } from "./scoreboard.js";
import { writeComparison } from "./write-comparison.js";

const rollouts = (skill: number): JudgeRollout[] =>
  Array.from({ length: 20 }, (_, index) => {
    const answer = index % 2 ? "Benign" : "Malicious";
    const right = (index * 7) % 10 < skill * 10;
    const label = right ? answer : answer === "Benign" ? "Malicious" : "Benign";
    return {
      example: index,
      answer,
      completion: JSON.stringify({ label, confidence: 0.6 + (index % 4) / 10 }),
      verdict: right || index % 5 === 0 ? "yes" : "no",
    };
  });

/** The same run as the executable rubric writes it: no judge fields, the programmatic reward. */
async function toExecutable(dir: string): Promise<string> {
  const rows = (await readFile(join(dir, "results.jsonl"), "utf8")).trim().split("\n");
  const plain = rows.map((text) => {
    const {
      judge: _judge,
      programmatic,
      judge_reward: _column,
      metrics: _metrics,
      ...row
    } = JSON.parse(text);
    const { reward, ...metrics } = programmatic;
    return JSON.stringify({ ...row, reward, metrics });
  });
  const out = `${dir}-executable`;
  const metadata = JSON.parse(await readFile(join(dir, "metadata.json"), "utf8"));
  delete metadata.rubric;
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "results.jsonl"), `${plain.join("\n")}\n`);
  await writeFile(join(out, "metadata.json"), JSON.stringify(metadata));
  return out;
}

async function compare(dirs: string[]) {
  const runs = [];
  for (const dir of dirs) {
    const result = await reportRunDir({ dir, resamples: 30 });
    runs.push({ data: result.data, htmlPath: result.files.html });
  }
  const written = await writeComparison({ runs, root: dirname(dirs[0]!) });
  return {
    board: buildScoreboard({ runs: runs.map((run) => run.data) }),
    html: await readFile(written.html, "utf8"),
    markdown: await readFile(written.markdown, "utf8"),
  };
}

describe("comparing runs of different rubric modes", () => {
  it("ranks the programmatic metrics, not the mean reward, and lists the mode and judge model", async () => {
    const root = await mkdtemp(join(tmpdir(), "sv-judge-compare-"));
    const judged = await writeJudgeRun({ dir: join(root, "judge"), mode: "judge", rollouts: rollouts(0.9) });
    const plain = await toExecutable(
      await writeJudgeRun({ dir: join(root, "weak"), mode: "judge", rollouts: rollouts(0.5) }),
    );
    const { board, html, markdown } = await compare([judged, plain]);
    expect(board.comparable).toBe(true);
    expect(board.rewardComparable).toBe(false);
    const facets = Object.fromEntries(board.differences.map((difference) => [difference.facet, difference]));
    expect(facets["Rubric mode"]).toMatchObject({ values: ["judge", "executable"], incomparable: false });
    expect(facets["Judge model"]).toMatchObject({ values: ["gpt-4.1-nano", "-"], incomparable: false });
    expect(board.rows.some((row) => row.best.has("reward"))).toBe(false);
    expect(board.rows[0]!.best.has("accuracy")).toBe(true);
    expect(markdown).toContain("Mean reward is not ranked: the runs define it differently");
    expect(markdown).toContain("## Judge");
    const judge = board.rows[0]!.run.judge!;
    expect(markdown).toContain(
      `| 1 | acme/sentinel | judge | gpt-4.1-nano | 20 | 0 | ${judge.yesRate!.toFixed(3)} | ${judge.agreement!.toFixed(3)} |`,
    );
    expect(markdown).toContain("| 2 | acme/sentinel | executable | - | - |");
    expect(html).toContain(`data-judge-agreement="${judge.agreement}"`);
    expect(html).not.toMatch(/data-metric="reward" data-value="[^"]*" data-best="true"/);
  });

  it("ranks the mean reward of two judge runs with the same judge", async () => {
    const root = await mkdtemp(join(tmpdir(), "sv-judge-compare-"));
    const a = await writeJudgeRun({ dir: join(root, "a"), mode: "judge", rollouts: rollouts(0.9) });
    const b = await writeJudgeRun({ dir: join(root, "b"), mode: "judge", rollouts: rollouts(0.5) });
    const { board, markdown } = await compare([a, b]);
    expect(board.rewardComparable).toBe(true);
    expect(board.rows[0]!.best.has("reward")).toBe(true);
    expect(markdown).not.toContain("Mean reward is not ranked");
  });
});
