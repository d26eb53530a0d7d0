import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type OpenAIServer, startOpenAIServer } from "@sv/test-utils";
import { createProgram } from "../src/cli.js";
import { applyConfigFile } from "../src/commands/evaluate/apply-config-file.js";
import { configValueType } from "../src/commands/evaluate/config-value-type.js";
import { MINI_DATASET, runEvalCli, scriptedAnswer } from "./eval-harness.js";

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const folder = () => mkdtempSync(join(tmpdir(), "sv-eval-"));
const baselineRun = (cwd: string, runId: string) =>
  join(cwd, "outputs/evals/sv-env-network-logs--baseline--heuristic", runId, "metadata.json");

describe("pnpm eval -C eval.toml", () => {
  it("reads the long flags (kebab or snake case) from the file; flags on the command line win", async () => {
    const cwd = folder();
    writeFileSync(
      join(cwd, "eval.toml"),
      [
        'model = "baseline/heuristic"',
        `dataset = ${JSON.stringify(MINI_DATASET)}`,
        "num-examples = 4",
        "rollouts_per_example = 2",
        'run-id = "fromfile"',
        "sampling-args = { temperature = 0.5 }",
        "save-results = true",
      ].join("\n"),
    );
    const run = await runEvalCli(["-C", "eval.toml", "-r", "3"], { cwd });
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.exitCode).toBe(0);
    const metadata = readJson(baselineRun(cwd, "fromfile"));
    expect(metadata).toMatchObject({
      num_examples: 4,
      rollouts_per_example: 3,
      sampling_args: { temperature: 0.5 },
    });
  });

  it("maps the original's configs/eval/e1*.toml keys where they have a meaning here", async () => {
    const cwd = folder();
    writeFileSync(
      join(cwd, "e1.toml"),
      [
        "[eval]",
        'environment = "intertwine/sv-env-network-logs"',
        `dataset = ${JSON.stringify(MINI_DATASET)}`,
        "num_examples = 5",
        "seed = 42",
        'mode = "local"',
        "[model]",
        'id = "baseline/heuristic"',
        'revision = "default"',
        "[metrics]",
        'include = ["accuracy", "f1", "ece", "abstention_rate"]',
        "[output]",
        'format = "jsonl"',
      ].join("\n"),
    );
    const run = await runEvalCli(["-C", "e1.toml", "--run-id", "mapped"], { cwd });
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.exitCode).toBe(0);
    const metadata = readJson(baselineRun(cwd, "mapped"));
    expect(metadata).toMatchObject({ num_examples: 5, seed: 42, dataset_info: { source: "local" } });
  });

  it("refuses keys that do not map, and unknown keys, naming every one", async () => {
    const cwd = folder();
    writeFileSync(
      join(cwd, "ood.toml"),
      [
        "bogus = 1",
        "max_tokenz = 5",
        "[eval]",
        'datasets = ["cic-ids-2017-ood-v1.jsonl", "unsw-nb15-ood-v1.jsonl"]',
        "[data]",
        'loader_mode = "public_mini"',
        "[output_schema]",
        'evidence = "list[str]"',
      ].join("\n"),
    );
    const run = await runEvalCli(["-C", "ood.toml"], { cwd });
    expect(run.exitCode).toBe(2);
    const line = run.stderr.trim();
    expect(line.split("\n")).toHaveLength(1);
    for (const part of [
      "ood.toml",
      "bogus: unknown key",
      "max_tokenz: unknown key",
      "[eval].datasets: one run evaluates one dataset",
      '[data].loader_mode: loader mode "public_mini" does not exist here',
      "[output_schema].evidence: the answer format is fixed",
    ]) {
      expect(line).toContain(part);
    }
    const missing = await runEvalCli(["-C", "nope.toml"], { cwd });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/-C nope\.toml: no such file/);
    writeFileSync(join(cwd, "bad.toml"), "model = ");
    const bad = await runEvalCli(["-C", "bad.toml"], { cwd });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^error: -C bad\.toml: /m);
  });

  it("refuses a value of the wrong type, naming the file, the key and the type wanted (never coerced)", async () => {
    const cwd = folder();
    const cases: [string, string][] = [
      ["num-examples = true", "num-examples: expected an integer, got the boolean true"],
      ["temperature = false", "temperature: expected a number, got the boolean false"],
      ['max_concurrent = "8"', 'max_concurrent: expected an integer, got the string "8"'],
      ["seed = 1.5", "seed: expected an integer, got the number 1.5"],
      ["cache = 1", "cache: expected true or false, got the integer 1"],
      ["model = 5", "model: expected a model name or a list of them"],
      ["sampling-args = 3", "sampling-args: expected a table"],
      ["split = 2021-01-01", "split: expected a string, got a date"],
      ['[eval]\nnum_examples = "five"', '[eval].num_examples: expected an integer, got the string "five"'],
      ["max-concurrent = 0", "max-concurrent: Too small"],
      ["max_tokens = 5\nmax-tokens = 6", "max-tokens: names the same option as max_tokens"],
    ];
    for (const [text, message] of cases) {
      writeFileSync(join(cwd, "typed.toml"), `${text}\n`);
      const run = await runEvalCli(["-C", "typed.toml"], { cwd });
      expect(run.exitCode, text).toBe(2);
      expect(run.stderr.trim().split("\n"), text).toHaveLength(1);
      expect(run.stderr, text).toContain(`error: typed.toml: ${message}`);
    }
  });

  it("has a key for every long flag, of the flag's type; `no-X = true` is `--no-X`", async () => {
    const program = createProgram();
    const cwd = folder();
    const sample = {
      integer: 1,
      number: 0.5,
      boolean: true,
      string: '"x"',
      models: '"m"',
      table: "{}",
      resume: true,
    };
    const checked = program.options.filter((option) => !option.hidden && option.long !== "--config");
    expect(checked.length).toBeGreaterThan(30);
    for (const option of checked) {
      const key = option.long!.replace(/^--/, "");
      const type = option.negate
        ? "boolean"
        : configValueType({
            attributeName: option.attributeName(),
            takesValue: option.required || option.optional,
            optionalValue: option.optional,
          });
      writeFileSync(join(cwd, "all.toml"), `${key} = ${sample[type]}\n`);
      const { raw, fileKeys } = applyConfigFile({
        command: program,
        envId: undefined,
        raw: { config: "all.toml" },
        cwd,
      });
      expect(fileKeys[option.attributeName()], key).toBe(`all.toml: ${key}`);
      if (option.negate) expect(raw[option.attributeName()], key).toBe(false);
    }

    let server: OpenAIServer | undefined = await startOpenAIServer({
      handle: (request) => ({
        type: "reply",
        content: scriptedAnswer(String(request.messages.at(-1)?.content)),
      }),
    });
    try {
      writeFileSync(
        join(cwd, "nocache.toml"),
        [
          `dataset = ${JSON.stringify(MINI_DATASET)}`,
          'model = "gpt-4.1-mini"',
          `api-base-url = "${server.baseURL}"`,
          "temperature = 0",
          "no-cache = true",
          "num-examples = 2",
          'run-id = "nc"',
        ].join("\n"),
      );
      const run = await runEvalCli(["-C", "nocache.toml"], { cwd });
      expect(run.exitCode).toBe(0);
      const metadata = readJson(
        join(cwd, "outputs/evals/sv-env-network-logs--gpt-4.1-mini/nc/metadata.json"),
      );
      expect(metadata.cache).toEqual({ enabled: false, hits: 0 });
    } finally {
      await server.close();
      server = undefined;
    }
  });
});
