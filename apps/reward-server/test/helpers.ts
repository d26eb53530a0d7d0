import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach } from "vitest";
import { fixturesDir } from "../../../vitest.shared.js";
import { type ServeOptions, type ServingServer, serve } from "../src/serve.js";

export const repoRoot = resolve(import.meta.dirname, "../../..");
export const exampleCompletionsPath = join(repoRoot, "fixtures/completions/example-completions.jsonl");
/** The original's reward vectors, copied into the project (fixtures/parity/README.md). */
export const parityPath = join(fixturesDir, "parity", "e1-rewards.jsonl");

const running: ServingServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** A real server on a free loopback port, closed after the test. */
export async function startServer(options: ServeOptions = {}): Promise<ServingServer> {
  const server = await serve({ log: () => {}, ...options, host: "127.0.0.1", port: 0 });
  running.push(server);
  return server;
}

/** `{completion, answer}` of each non-blank line of a JSONL file (other keys dropped). */
export function readItems(path: string): { completion: unknown; answer: unknown }[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const { completion, answer } = JSON.parse(line) as { completion: unknown; answer: unknown };
      return { completion, answer };
    });
}

/** The stdout lines of the real `pnpm --silent eval score` for these items. */
export function evalScoreLines(items: readonly unknown[]): string[] {
  const result = spawnSync(
    process.execPath,
    ["--conditions=@sv/source", "--import", "tsx", join(repoRoot, "apps/eval-cli/src/bin.ts"), "score"],
    {
      input: `${items.map((item) => JSON.stringify(item)).join("\n")}\n`,
      cwd: repoRoot,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`eval score failed: ${result.stderr}`);
  return result.stdout.trimEnd().split("\n");
}

/** A parsed JSON answer, read field by field in assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary fields of answers
export type JsonAnswer = any;

/** POST JSON and return status, headers and the parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: JsonAnswer; headers: Headers }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
