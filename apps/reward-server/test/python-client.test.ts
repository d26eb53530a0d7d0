import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  evalScoreLines,
  exampleCompletionsPath,
  parityPath,
  readItems,
  repoRoot,
  startServer,
} from "./helpers.js";

const examples = join(repoRoot, "examples/python");

/** Run a Python example the way a user would; python3 is on every machine here. */
function python(script: string, args: string[], input?: string): Promise<string> {
  // Asynchronously, so the in-process server keeps answering while Python waits for it.
  return new Promise((resolve, reject) => {
    const child = spawn("python3", [join(examples, script), ...args], {
      cwd: repoRoot,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" }, // no __pycache__ left in examples/
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${script} exited ${code}: ${stderr}`)),
    );
    child.stdin.end(input ?? "");
  });
}

describe("the Python examples against a real server", { timeout: 90_000 }, () => {
  it("has python3", () => {
    expect(spawnSync("python3", ["--version"]).status).toBe(0);
  });

  it.each([
    ["the example completions", exampleCompletionsPath],
    ["the parity corpus", parityPath],
  ])("sv_reward_client.py score gives `eval score`'s rewards for %s", async (_name, path) => {
    const server = await startServer();
    const output = await python("sv_reward_client.py", ["--url", server.url, "score", "--input", path]);
    const lines = output.trimEnd().split("\n");
    const expected = evalScoreLines(readItems(path));
    expect(lines.map((line) => JSON.parse(line))).toEqual(expected.map((line) => JSON.parse(line)));
  });

  it("the TRL, verl and OpenRLHF recipes return the rewards `eval score` gives their replies", async () => {
    const server = await startServer();
    const [trlMalicious, trlBenign, verlOne, verlBenign, verlNone, openrlhfReply] = evalScoreLines([
      { completion: '{"label": "Malicious", "confidence": 0.9, "rationale": "scan"}', answer: "Malicious" },
      { completion: '{"label": "Benign", "confidence": 0.8}', answer: "Malicious" },
      { completion: '{"label": "Malicious", "confidence": 0.9}', answer: "Malicious" },
      { completion: '{"label": "Benign", "confidence": 0.6}', answer: 0 },
      { completion: "x", answer: 1 },
      {
        completion: '{"label": "Malicious", "confidence": 0.9, "rationale": "telnet scan"}<|im_end|>',
        answer: "Malicious",
      },
    ]).map((line) => JSON.parse(line));
    const asVerl = (line: { reward: number; rewards: object }) => ({ score: line.reward, ...line.rewards });

    const trl = JSON.parse(await python("trl_grpo_reward.py", ["--url", server.url]));
    expect(trl).toEqual([trlMalicious.reward, trlBenign.reward]);

    process.env.SV_SERVER_URL = server.url; // verl's workers get the URL from the environment
    try {
      const [single, batch] = (await python("verl_compute_score.py", [])).trimEnd().split("\n");
      expect(JSON.parse(single!)).toEqual(asVerl(verlOne));
      expect(JSON.parse(batch!)).toEqual([asVerl(verlBenign), asVerl(verlNone)]);
    } finally {
      delete process.env.SV_SERVER_URL;
    }

    const openrlhf = JSON.parse(await python("openrlhf_remote_rm.py", ["--url", server.url, "check"]));
    expect(openrlhf.rewards).toEqual([openrlhfReply.reward]);
    expect(openrlhf.scores).toEqual([openrlhfReply.rewards.accuracy]);
  });

  it("streams prompts, and reports a server error as one line with exit code 1", async () => {
    const server = await startServer({ dataDir: join(repoRoot, "fixtures/eval") });
    const rows = (
      await python("sv_reward_client.py", [
        "--url",
        server.url,
        "prompts",
        "--dataset",
        "e1-mini",
        "--split",
        "train",
      ])
    )
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(10);
    expect(rows[0].prompt.map((message: { role: string }) => message.role)).toEqual(["system", "user"]);
    await expect(
      python("sv_reward_client.py", [
        "--url",
        server.url,
        "prompts",
        "--dataset",
        "e1-mini",
        "--split",
        "dev",
      ]),
    ).rejects.toThrow(/exited 1: error: HTTP 404 split_not_found: split "dev" not in dataset "e1-mini"/);
  });

  it("says so, with exit code 1, when a prompt stream is cut short by a broken dataset", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sv-python-"));
    const rows = readFileSync(join(repoRoot, "fixtures/eval/e1-mini.jsonl"), "utf8").trim().split("\n");
    writeFileSync(join(dataDir, "broken.jsonl"), `${[...rows, '{"question": 5}'].join("\n")}\n`);
    const server = await startServer({ dataDir });
    await expect(
      python("sv_reward_client.py", [
        "--url",
        server.url,
        "prompts",
        "--dataset",
        "broken",
        "--split",
        "all",
      ]),
    ).rejects.toThrow(/exited 1: error: the server's answer was cut short/);
  });
});
