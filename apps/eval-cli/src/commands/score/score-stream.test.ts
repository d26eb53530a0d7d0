import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { fixturesDir } from "../../../../../vitest.shared.js";
import { runCli } from "../../cli.js";
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

  /** `eval score` in this process, input from a file, stdout and stderr captured. */
  async function scoreCli(args: string[], input: string) {
    const dir = mkdtempSync(join(tmpdir(), "sv-score-"));
    writeFileSync(join(dir, "in.jsonl"), input);
    let stdout = "";
    let stderr = "";
    const spy = vi.spyOn(process.stdout, "write").mockImplementation(((
      chunk: string,
      callback?: () => void,
    ) => {
      stdout += chunk;
      callback?.();
      return true;
    }) as typeof process.stdout.write);
    try {
      const status = await runCli(["node", "eval", "score", "--input", join(dir, "in.jsonl"), ...args], {
        io: { env: {}, stderr: { write: (text: string) => (stderr += text) } },
      });
      return { status, stdout, stderr };
    } finally {
      spy.mockRestore();
    }
  }
  const missedAttack = `${JSON.stringify({ completion: '{"label": "Benign", "confidence": 0.9}', answer: "Malicious" })}\n`;

  it("honours -a rubric costs and weights exactly as eval -a does", async () => {
    const plain = JSON.parse((await run(missedAttack)).output);
    expect(plain.rewards.asymmetric_cost).toBe(-1);
    const result = await scoreCli(
      ["-a", '{"costs":{"missedAttack":-2},"weights":{"asymmetric_cost":1}}'],
      missedAttack,
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const scored = JSON.parse(result.stdout);
    expect(scored.rewards.asymmetric_cost).toBe(-2);
    expect(scored.reward).toBeCloseTo(0.1 + 0.2 * scored.rewards.calibration - 2, 12);
  });

  async function inProcess(args: string[]): Promise<{ exitCode: number; stderr: string }> {
    const dir = mkdtempSync(join(tmpdir(), "sv-score-"));
    const input = join(dir, "in.jsonl");
    writeFileSync(input, missedAttack);
    let stderr = "";
    const exitCode = await runCli(["node", "eval", "score", "--input", input, ...args], {
      io: { env: {}, stderr: { write: (text: string) => (stderr += text) } },
    });
    return { exitCode, stderr };
  }

  it.each([
    ['{"costs":{"missed":-2}}', /-a\/--env-args: .*"missed"/],
    ['{"cost":{"missedAttack":-2}}', /unknown option\(s\) "cost"/],
    ['{"datasetName":"x"}', /only "weights" and "costs"; not "datasetName"/],
    ["{not json", /-a\/--env-args: not valid JSON/],
  ])("rejects -a %s naming the key, before reading input", async (args, message) => {
    const result = await inProcess(["-a", args]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it("names an --input that is a directory in one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sv-score-"));
    let stderr = "";
    const exitCode = await runCli(["node", "eval", "score", "--input", dir], {
      io: { env: {}, stderr: { write: (text: string) => (stderr += text) } },
    });
    expect(exitCode).toBe(1);
    expect(stderr).toBe(`error: cannot read ${dir}: it is a directory (EISDIR)\n`);
  });

  it("accepts a UTF-8 byte-order mark before the first line", async () => {
    const { output, error } = await run(`\uFEFF${missedAttack}${missedAttack}`);
    expect(error).toBeUndefined();
    expect(output.trim().split("\n")).toHaveLength(2);
  });

  it("names a deeply nested non-string completion in one line, without a stack overflow", async () => {
    const depth = 100_000;
    const deep = `{"completion": ${'{"a":'.repeat(depth)}1${"}".repeat(depth)}, "answer": "Benign"}\n`;
    const result = await scoreCli([], deep);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .*in\.jsonl: line 1: `completion` must be a string or a list of chat messages, got \{"a":/,
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("stops quietly when the reader of its output goes away (| head -1)", async () => {
    const line = JSON.stringify({ completion: '{"label": "Benign", "confidence": 0.5}', answer: "Benign" });
    const child = spawn(
      process.execPath,
      ["--conditions=@sv/source", "--import", "tsx", join(repoRoot, "apps/eval-cli/src/bin.ts"), "score"],
      { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.stdin.on("error", () => {});
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.end(`${line}\n`.repeat(50_000));
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
  });
});
