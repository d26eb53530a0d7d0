import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetError } from "./dataset-error.js";
import { loadDataset } from "./load-dataset.js";

function writeDataset(lines: string[]): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "sv-dataset-"));
  const path = join(dir, "tiny-v1.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return { dir, path };
}

const row = (index: number, split: string, answer: unknown = "Benign") =>
  JSON.stringify({ question: `Log Entry: id.resp_p=${index}`, answer, meta: { source: "test", split } });

describe("loadDataset (local)", () => {
  it("resolves a name in the data directory, keeps the test split by default and normalises answers", async () => {
    const { dir } = writeDataset([row(1, "train"), row(2, "test", 1), row(3, "test", "benign"), ""]);
    const loaded = await loadDataset({ dataset: "tiny-v1", dataDir: dir, source: "local" });
    expect(loaded.tier).toBe("local");
    expect(loaded.split).toBe("test");
    expect(loaded.rows.map((r) => r.answer)).toEqual(["Malicious", "Benign"]);
  });

  it("shuffles deterministically with a seed and caps with maxExamples", async () => {
    const { path } = writeDataset(Array.from({ length: 50 }, (_, index) => row(index, "test")));
    const first = await loadDataset({ dataset: path, seed: 7, maxExamples: 10 });
    const second = await loadDataset({ dataset: path, seed: 7, maxExamples: 10 });
    const other = await loadDataset({ dataset: path, seed: 8, maxExamples: 10 });
    expect(first.rows).toEqual(second.rows);
    expect(first.rows).not.toEqual(other.rows);
    expect(first.rows).toHaveLength(10);
  });

  it("with sampling head, stops reading once a capped, unseeded selection is complete", async () => {
    const { path } = writeDataset([row(1, "test"), row(2, "test"), "not json", row(4, "test")]);
    const loaded = await loadDataset({ dataset: path, split: "all", maxExamples: 2, sampling: "head" });
    expect(loaded.rows).toHaveLength(2);
    expect(loaded).not.toHaveProperty("seed");
    await expect(
      loadDataset({ dataset: path, split: "all", maxExamples: 2, seed: 1, sampling: "head" }),
    ).rejects.toThrow(/tiny-v1\.jsonl:3: not valid JSON/);
    // A stratified sample (the default) reads the whole split.
    await expect(loadDataset({ dataset: path, split: "all", maxExamples: 2 })).rejects.toThrow(
      /tiny-v1\.jsonl:3: not valid JSON/,
    );
  });

  it("samples maxExamples rows by label from a file grouped by label, recording the default seed", async () => {
    const lines = [
      ...Array.from({ length: 60 }, (_, index) => row(index, "test", "Malicious")),
      ...Array.from({ length: 40 }, (_, index) => row(100 + index, "test", "Benign")),
    ];
    const { path } = writeDataset(lines);
    const loaded = await loadDataset({ dataset: path, maxExamples: 10 });
    expect(loaded.seed).toBe(0);
    expect(loaded.rows.filter((r) => r.answer === "Malicious")).toHaveLength(6);
    expect(loaded.rows.filter((r) => r.answer === "Benign")).toHaveLength(4);
    expect((await loadDataset({ dataset: path, maxExamples: 10, seed: 5 })).seed).toBe(5);
  });

  it("names the file and line of a bad row", async () => {
    const { path } = writeDataset([row(1, "test"), '{"question": "x", "answer": "Attack"}']);
    await expect(loadDataset({ dataset: path })).rejects.toThrow(/tiny-v1\.jsonl:2: invalid row: answer/);
    await expect(loadDataset({ dataset: path })).rejects.toBeInstanceOf(DatasetError);
  });

  it("says how to fix a missing local dataset", async () => {
    await expect(
      loadDataset({ dataset: "nope-v1", dataDir: "/nonexistent", source: "local" }),
    ).rejects.toThrow(/not found.*pnpm build-data/);
  });

  it("serves the synthetic set with both labels", async () => {
    const loaded = await loadDataset({ source: "synthetic" });
    expect(new Set(loaded.rows.map((r) => r.answer))).toEqual(new Set(["Malicious", "Benign"]));
    expect(loaded.rows.every((r) => r.question.startsWith("Log Entry: id.orig_h="))).toBe(true);
  });
});
