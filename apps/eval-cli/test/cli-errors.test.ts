import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenAIServer, type ServerAction, startOpenAIServer } from "@sv/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { printCliError } from "../src/print-cli-error.js";
import { MINI_DATASET, readJsonl, runEvalCli, SENTINEL_KEY } from "./eval-harness.js";

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const oneLine = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("error:"));

describe("impossible runs fail before any run folder exists", () => {
  it.each([
    [["--split", "tset"], /no rows in split "tset"; its splits: train 10, test 30 \(all 40/],
    [["-n", "0"], /-n 0 selects no examples.*; its splits: train 10, test 30 \(all 40/],
    [["-n", "0", "--split", "train"], /-n 0 selects no examples.*; its splits: train 10, test 30 \(all 40/],
  ])("%j", async (args, message) => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const run = await runEvalCli(["--dataset", MINI_DATASET, ...args], { cwd });
    expect(run.exitCode).toBe(2);
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(existsSync(join(cwd, "outputs"))).toBe(false);
  });

  it("a dataset with no rows at all", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    writeFileSync(join(cwd, "empty.jsonl"), "\n");
    const run = await runEvalCli(["--dataset", join(cwd, "empty.jsonl")], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/nothing to evaluate: dataset empty .* has no rows/);
    expect(existsSync(join(cwd, "outputs"))).toBe(false);
  });
});

describe("one clear line instead of a stack trace", () => {
  it.each([
    [
      ["--system-prompt-file", "missing.txt"],
      /--system-prompt-file missing\.txt: cannot read it: no such file/,
    ],
    [["--system-prompt-file", "."], /--system-prompt-file \.: cannot read it: it is a directory/],
    [["-m", ""], /--model: names no model/],
    [["reprot"], /unknown command 'reprot' \(did you mean report\?\)/],
    [["sroce"], /did you mean score\?/],
  ])("%j", async (args, message) => {
    const run = await runEvalCli([...args, "--dataset", MINI_DATASET]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [["--bogus"], /unknown option '--bogus'/],
    [["report"], /missing required argument/],
    [["--dataset", MINI_DATASET, "sv-env-network-logs", "extra"], /too many arguments/],
    [["-n"], /argument missing/],
  ])("a usage error from the option parser exits 2, as the README says: %j", async (args, message) => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const run = await runEvalCli(args, { cwd });
    expect(run.stderr).toMatch(message);
    expect(run.exitCode).toBe(2);
    expect(existsSync(join(cwd, "outputs"))).toBe(false);
  });

  it("--help still exits 0", async () => {
    expect((await runEvalCli(["--help"], { stdout: { write: () => true } })).exitCode).toBe(0);
  });

  it("an output folder that cannot be written", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    writeFileSync(join(cwd, "taken"), "a file, not a folder");
    const run = await runEvalCli(["--dataset", MINI_DATASET, "--output-dir", "taken/evals"], { cwd });
    expect(run.exitCode).toBe(1);
    expect(oneLine(run.stderr)).toEqual([
      expect.stringMatching(
        /^error: cannot create the directory .*taken\/evals.*: a part of the path is not a directory \(ENOTDIR\)$/,
      ),
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("eval report into a folder it cannot write", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const made = await runEvalCli(["--dataset", MINI_DATASET, "--run-id", "r"], { cwd });
    expect(made.exitCode).toBe(0);
    const dir = join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic/r");
    rmSync(join(dir, "summary.json"));
    mkdirSync(join(dir, "summary.json", "in-the-way"), { recursive: true });
    const run = await runEvalCli(["report", dir], { cwd });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/^error: cannot /m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unexpected error prints one redacted line; its stack only with SV_DEBUG=1", () => {
    let text = "";
    const stderr = { write: (chunk: string) => (text += chunk) };
    const error = new Error(`boom with ${SENTINEL_KEY} at https://user:pw@example.test/x`);
    const env = { MY_KEY: SENTINEL_KEY };
    expect(printCliError({ error, stderr, env, args: ["-k", "MY_KEY"] })).toBe(1);
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(text).not.toContain(SENTINEL_KEY);
    expect(text).not.toContain("pw@");
    text = "";
    printCliError({ error, stderr, env: { ...env, SV_DEBUG: "1" }, args: ["--api-key-var=MY_KEY"] });
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain(SENTINEL_KEY);
    const fsError = Object.assign(new Error("EACCES: permission denied, mkdir '/ro/out'"), {
      code: "EACCES",
      syscall: "mkdir",
      path: "/ro/out",
    });
    text = "";
    printCliError({ error: fsError, stderr, env: {}, args: [] });
    expect(text).toBe("error: cannot create the directory /ro/out: permission denied (EACCES)\n");
  });

  it("redacts an HF_ENDPOINT with user:password from the error line and every other stderr line", async () => {
    const env = {
      HF_TOKEN: "hf_sentinelTOKEN0123456789",
      HF_ENDPOINT: "http://alice:hunter22secret@127.0.0.1:9",
    };
    const failed = await runEvalCli(["--dataset-source", "hub", "--dataset", "iot23-train-dev-test-v1"], {
      env,
    });
    expect(failed.exitCode).not.toBe(0);
    expect(failed.stderr).toMatch(/^error: .*127\.0\.0\.1:9/m);
    // auto: the Hub fails, the demo set is used, and the dataset line says why.
    const fellBack = await runEvalCli(["-n", "2", "--no-save-results"], { env });
    expect(fellBack.exitCode).toBe(0);
    expect(fellBack.stderr).toMatch(/the Hub failed .*http:\/\/\[redacted\]@127\.0\.0\.1:9/);
    for (const run of [failed, fellBack]) {
      expect(run.stderr).not.toContain("hunter22secret");
      expect(run.stderr).not.toContain("hf_sentinelTOKEN0123456789");
    }
  });
});

describe("odd replies of a real server through the CLI", () => {
  it("counts unknown token usage once, flags refusals and errors an empty reply", async () => {
    const actions: ServerAction[] = [
      { type: "completion", message: { role: "assistant", content: null, refusal: "I won't." } },
      {
        type: "completion",
        message: { role: "assistant", content: '{"label":"Benign","confidence":0.5}' },
        usage: { prompt_tokens: -3, completion_tokens: null },
      },
      { type: "completion", choices: [] },
    ];
    let call = 0;
    server = await startOpenAIServer({ handle: () => actions[call++ % actions.length]! });
    const cwd = mkdtempSync(join(tmpdir(), "sv-eval-"));
    const run = await runEvalCli(
      [
        "-m",
        "m",
        "-b",
        server.baseURL,
        "--dataset",
        MINI_DATASET,
        "-n",
        "6",
        "-c",
        "1",
        "--run-id",
        "odd",
        "--max-consecutive-errors",
        "0",
      ],
      { cwd, env: { OPENAI_API_KEY: SENTINEL_KEY } },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stderr.match(/^warning: .*token usage/gm)).toHaveLength(1);
    expect(run.stderr).toMatch(/token usage for 4 of 6 rollouts/);
    expect(run.stderr).toMatch(/refused 2 of 6 rollouts/);
    const rows = readJsonl(join(cwd, "outputs/evals/sv-env-network-logs--m/odd/results.jsonl"));
    expect(rows.filter((row) => row.refusal === "I won't.")).toHaveLength(2);
    expect(
      rows.filter((row) => (row.error as { error?: string } | null)?.error === "no_choice"),
    ).toHaveLength(2);
    expect(
      rows.filter((row) => (row.token_usage as { input_tokens: unknown } | undefined)?.input_tokens === null),
    ).toHaveLength(4);
    // No rollout has both counts known: the mean per rollout is undefined, not 0.
    const metadata = JSON.parse(
      readFileSync(join(cwd, "outputs/evals/sv-env-network-logs--m/odd/metadata.json"), "utf8"),
    );
    expect(metadata.usage).toBeNull();
  });
});
