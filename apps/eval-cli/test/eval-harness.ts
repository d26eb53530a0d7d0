import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRubric } from "@sv/rubric";
import { runCli } from "../src/cli.js";
import type { EvalIo } from "../src/commands/evaluate/eval-io.js";

/** The committed 40-row fixture (30 test, 10 train). */
export const MINI_DATASET = resolve(
  fileURLToPath(import.meta.url),
  "../../../../fixtures/eval/e1-mini.jsonl",
);
export const SENTINEL_KEY = "sk-SENTINEL-KEY-must-never-appear-1234";

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Run `eval ...` in-process with captured streams, an empty env, instant backoff and a fixed clock. */
export async function runEvalCli(args: string[], io: Partial<EvalIo> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const cwd = io.cwd ?? mkdtempSync(join(tmpdir(), "sv-eval-"));
  const exitCode = await runCli(["node", "eval", ...args], {
    io: {
      cwd,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stderrIsTTY: false,
      now: () => new Date("2025-01-01T00:00:00.000Z"),
      sleep: async () => {},
      random: () => 0.5,
      ...io,
      // The response cache of each test lives in its own folder, never in ~/.cache.
      env: { SV_CACHE_DIR: join(cwd, ".sv-cache"), ...io.env },
    },
  });
  return { exitCode, stdout, stderr };
}

export function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A deterministic answer per question, so runs are comparable. */
export function scriptedAnswer(question: string): string {
  let hash = 0;
  for (const character of question) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  const label = hash % 3 === 0 ? "Benign" : hash % 3 === 1 ? "Malicious" : "Abstain";
  return JSON.stringify({ label, confidence: (hash % 100) / 100, rationale: "scripted" });
}

export const rubric = createRubric();
