import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "../../../../../vitest.shared.js";
import { scoreStream } from "./score-stream.js";

const repoRoot = resolve(import.meta.dirname, "../../../../..");

async function run(input: string): Promise<{ output: string; error?: Error }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  let error: Error | undefined;
  try {
    await scoreStream({ input: Readable.from([input]), output, inputName: "test.jsonl" });
  } catch (caught) {
    error = caught as Error;
  }
  return { output: Buffer.concat(chunks).toString("utf8"), error };
}

describe("scoreStream", () => {
  it("writes one contract line per input line, in order", async () => {
    const { output, error } = await run(
      [
        JSON.stringify({ completion: '{"label": "Benign", "confidence": 0.8}', answer: "Malicious" }),
        "",
        JSON.stringify({
          completion: [{ role: "assistant", content: '{"label": "Malicious", "confidence": 1}' }],
          answer: 1,
        }),
      ].join("\r\n"),
    );
    expect(error).toBeUndefined();
    const lines = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual(["label", "confidence", "rewards", "reward"]);
    expect(lines[0].rewards).toEqual({
      accuracy: 0,
      format: 1,
      calibration: expect.closeTo(0.2, 12),
      asymmetric_cost: -1,
    });
    expect(lines[0].reward).toBeCloseTo(-0.36, 12);
    expect(lines[1]).toEqual({
      label: "Malicious",
      confidence: 1,
      rewards: { accuracy: 1, format: 1, calibration: 1, asymmetric_cost: 1 },
      reward: 1.8,
    });
  });

  it.each([
    ["not json", /test\.jsonl: line 2: not valid JSON/],
    ['{"completion": "x"}', /line 2: `answer` must be/],
    ['{"completion": "x", "answer": "Attack"}', /line 2: Invalid gold answer "Attack"/],
    ['{"completion": 5, "answer": "Benign"}', /line 2: `completion` must be a string or a list/],
    ["[1]", /line 2: expected a JSON object/],
  ])("stops at a bad line (%s) naming it, after writing the lines before", async (bad, message) => {
    const good = JSON.stringify({ completion: "{}", answer: "Benign" });
    const { output, error } = await run(`${good}\n${bad}\n${good}\n`);
    expect(error?.message).toMatch(message);
    expect(output.trim().split("\n")).toHaveLength(1);
  });

  it("reproduces the parity vectors through the real CLI, with nothing else on stdout", () => {
    const vectors = readFileSync(join(fixturesDir, "parity", "e1-rewards.jsonl"), "utf8")
      .trim()
      .split("\n");
    const input = vectors.map((line) => {
      const { completion, answer } = JSON.parse(line);
      return JSON.stringify({ completion, answer });
    });
    const result = spawnSync(
      process.execPath,
      ["--conditions=@sv/source", "--import", "tsx", join(repoRoot, "apps/eval-cli/src/bin.ts"), "score"],
      { input: `${input.join("\n")}\n`, cwd: repoRoot, encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const outputs = result.stdout.trim().split("\n");
    expect(outputs).toHaveLength(vectors.length);
    outputs.forEach((line, index) => {
      const scored = JSON.parse(line);
      const { expected } = JSON.parse(vectors[index]!);
      expect(scored.label ?? "").toBe(expected.label);
      expect(scored.reward).toBeCloseTo(expected.total, 9);
    });
  });

  it("exits non-zero with the file and line on stderr for a bad --input file", () => {
    const result = spawnSync(
      process.execPath,
      [
        "--conditions=@sv/source",
        "--import",
        "tsx",
        join(repoRoot, "apps/eval-cli/src/bin.ts"),
        "score",
        "--input",
        "missing.jsonl",
      ],
      { cwd: repoRoot, encoding: "utf8" },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/cannot read missing\.jsonl: ENOENT/);
  });
});
