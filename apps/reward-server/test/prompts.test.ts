import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironment } from "@sv/env";
import { describe, expect, it } from "vitest";
import { type JsonAnswer, repoRoot, startServer } from "./helpers.js";

const dataDir = join(repoRoot, "fixtures/eval");

async function getLines(
  url: string,
): Promise<{ status: number; lines: JsonAnswer[]; headers: Headers; text: string }> {
  const response = await fetch(url);
  const text = await response.text();
  const lines = response.ok
    ? text
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line))
    : [];
  return { status: response.status, lines, headers: response.headers, text };
}

async function expectedPrompts(options: { split?: string; seed?: number; maxExamples?: number }) {
  const env = await loadEnvironment({ datasetName: "e1-mini", dataDir, ...options });
  return env.dataset.rows.map((row, index) => ({
    example_id: index,
    prompt: env.formatPrompt(row),
    answer: row.answer,
    info: row.meta,
  }));
}

describe("GET /v1/prompts", () => {
  it.each([
    ["the default split", "", {}],
    ["an explicit split, streamed", "&split=train", { split: "train" }],
    ["a limit", "&split=test&limit=7", { split: "test", maxExamples: 7 }],
    ["a seeded shuffle with a limit", "&seed=42&limit=9", { seed: 42, maxExamples: 9 }],
    ["a seeded split", "&split=train&seed=3", { split: "train", seed: 3 }],
    ["every row", "&split=all", { split: "all" }],
  ])("serves %s exactly as `pnpm eval` would prompt it", async (_name, query, options) => {
    const server = await startServer({ dataDir });
    const { status, lines, headers } = await getLines(`${server.url}/v1/prompts?dataset=e1-mini${query}`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(headers.get("x-sv-dataset-tier")).toBe("local");
    expect(lines).toEqual(await expectedPrompts(options));
    expect(lines.length).toBeGreaterThan(0);
  });

  it("serves nothing for limit=0 on a split that exists", async () => {
    const server = await startServer({ dataDir });
    const { status, text } = await getLines(`${server.url}/v1/prompts?dataset=e1-mini&split=train&limit=0`);
    expect(status).toBe(200);
    expect(text).toBe("");
  });

  it("answers an unknown split with 404 naming the splits there are, seeded or not", async () => {
    const server = await startServer({ dataDir });
    for (const query of ["split=dev", "split=dev&seed=1", "split=dev&limit=0"]) {
      const response = await getLines(`${server.url}/v1/prompts?dataset=e1-mini&${query}`);
      expect(response.status).toBe(404);
      const { error } = JSON.parse(response.text);
      expect(error.code).toBe("split_not_found");
      expect(error.message).toMatch(/split "dev" not in dataset "e1-mini"; its splits: test, train/);
    }
  });

  it("answers an unknown dataset with 404 naming the datasets there are, with no fallback", async () => {
    const server = await startServer({ dataDir });
    const response = await getLines(`${server.url}/v1/prompts?dataset=iot23-missing`);
    expect(response.status).toBe(404);
    const { error } = JSON.parse(response.text);
    expect(error.code).toBe("dataset_not_found");
    expect(error.message).toMatch(/available: e1-mini, synthetic, demo$/);
  });

  it.each([
    ["dataset=../../etc/passwd", "dataset"],
    ["limit=-1", "limit"],
    ["limit=ten", "limit"],
    ["seed=1.5", "seed"],
    ["source=web", "source"],
    ["splits=test", "splits"],
  ])("answers a bad query (%s) with 400 naming the parameter", async (query, field) => {
    const server = await startServer({ dataDir });
    const response = await getLines(`${server.url}/v1/prompts?${query}`);
    expect(response.status).toBe(400);
    const { error } = JSON.parse(response.text);
    expect(error.issues[0].path).toBe(field);
  });

  it("serves the built-in sets by name", async () => {
    const server = await startServer({ dataDir });
    const synthetic = await getLines(`${server.url}/v1/prompts?dataset=synthetic&limit=3`);
    expect(synthetic.status).toBe(200);
    expect(synthetic.headers.get("x-sv-dataset-tier")).toBe("synthetic");
    expect(synthetic.lines).toHaveLength(3);
    const demo = await getLines(`${server.url}/v1/prompts?source=demo&split=dev`);
    expect(demo.headers.get("x-sv-dataset-tier")).toBe("demo");
    expect(demo.lines.every((line) => line.info.split === "dev")).toBe(true);
    expect(demo.lines.length).toBeGreaterThan(0);
  });
});

describe("GET /v1/prompts on a broken dataset", () => {
  /** e1-mini with a bad row at `line`. */
  function brokenDataDir(line: number): string {
    const dir = mkdtempSync(join(tmpdir(), "sv-prompts-"));
    const rows = readFileSync(join(dataDir, "e1-mini.jsonl"), "utf8").trim().split("\n");
    rows.splice(line - 1, 0, '{"question": 5}');
    writeFileSync(join(dir, "broken.jsonl"), `${rows.join("\n")}\n`);
    return dir;
  }

  it("answers 500 dataset_invalid naming the line when the selection reads the bad row first", async () => {
    const server = await startServer({ dataDir: brokenDataDir(4) });
    const response = await fetch(`${server.url}/v1/prompts?dataset=broken&seed=1`);
    expect(response.status).toBe(500);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("dataset_invalid");
    expect(error.message).toMatch(/broken\.jsonl:4: invalid row: question/);
  });

  it("cuts a stream short when a bad row comes after output was sent, never ending it cleanly", async () => {
    // Lines go out in 64 KB chunks (about 34 prompts): the bad row at the end comes after the first one.
    const server = await startServer({ dataDir: brokenDataDir(41) });
    const response = await fetch(`${server.url}/v1/prompts?dataset=broken&split=all`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});
