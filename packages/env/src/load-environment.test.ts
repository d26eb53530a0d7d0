import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DATASET_ERROR_CODES, DatasetError, type Row } from "@sv/dataset";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadEnvironment } from "./load-environment.js";

const flow = (index: number, answer: "Malicious" | "Benign", split = "test"): Row => ({
  question: `Log Entry: id.orig_h=10.0.0.1, id.resp_p=${index}, proto=tcp`,
  answer,
  meta: { source: "test", split },
});
/** A split file grouped by label, as build-data wrote them: every Malicious row first. */
const grouped: Row[] = [
  ...Array.from({ length: 70 }, (_, index) => flow(index, "Malicious")),
  ...Array.from({ length: 30 }, (_, index) => flow(1000 + index, "Benign")),
];
const jsonl = `${grouped.map((row) => JSON.stringify(row)).join("\n")}\n`;

beforeEach(() => {
  // The machine's own settings must not leak in: no Hub token, no data directory.
  vi.stubEnv("HF_TOKEN", "");
  vi.stubEnv("SV_DATA_DIR", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("loadEnvironment: a named dataset that cannot be found", () => {
  it("throws a DatasetError naming where it looked, instead of returning the demo set", async () => {
    // The working directory (packages/env) has no ./data/e1, as in a fresh project.
    const error = await loadEnvironment({ datasetName: "iot23-train-dev-test-v1" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).toMatchObject({ code: DATASET_ERROR_CODES.notFound });
    expect((error as Error).message).toContain(
      join(process.cwd(), "data", "e1", "iot23-train-dev-test-v1.jsonl"),
    );
    expect((error as Error).message).toMatch(/SV_DATA_DIR/);
  });

  it("falls back to the bundled demo set only when no dataset was named", async () => {
    const env = await loadEnvironment({ dataDir: mkdtempSync(join(tmpdir(), "sv-env-empty-")) });
    expect(env.dataset.tier).toBe("demo");
    expect(env.dataset.reason).toMatch(/using the bundled demo set/);
  });
});

describe("loadEnvironment: SV_DATA_DIR", () => {
  it("finds a named dataset in $SV_DATA_DIR when no dataDir is given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sv-env-data-"));
    writeFileSync(join(dir, "iot23-train-dev-test-v1.jsonl"), jsonl);
    vi.stubEnv("SV_DATA_DIR", dir);
    const env = await loadEnvironment({ datasetName: "iot23-train-dev-test-v1" });
    expect(env.dataset).toMatchObject({ tier: "local", path: join(dir, "iot23-train-dev-test-v1.jsonl") });
    expect(env.dataset.rows).toHaveLength(100);
  });
});

describe("loadEnvironment: maxExamples", () => {
  it("draws a seeded, label-stratified sample from a file grouped by label and reports the seed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sv-env-data-"));
    writeFileSync(join(dir, "iot23-train-dev-test-v1.jsonl"), jsonl);
    const env = await loadEnvironment({ dataDir: dir, maxExamples: 10 });
    const labels = env.dataset.rows.map((row) => row.answer);
    expect(labels.filter((label) => label === "Malicious")).toHaveLength(7);
    expect(labels.filter((label) => label === "Benign")).toHaveLength(3);
    expect(env.dataset.seed).toBe(0);
    const seeded = await loadEnvironment({ dataDir: dir, maxExamples: 10, seed: 3 });
    expect(seeded.dataset.seed).toBe(3);
    const head = await loadEnvironment({ dataDir: dir, maxExamples: 10, sampling: "head" });
    expect(new Set(head.dataset.rows.map((row) => row.answer))).toEqual(new Set(["Malicious"]));
    expect(head.dataset.seed).toBeUndefined();
  });

  it("samples in-memory rows the same way as a file", async () => {
    const env = await loadEnvironment({ rows: grouped, maxExamples: 20, seed: 9 });
    expect(env.dataset.rows.filter((row) => row.answer === "Benign")).toHaveLength(6);
    expect(env.dataset).toMatchObject({ split: "all", seed: 9, tier: "local", name: "in-memory" });
    const all = await loadEnvironment({ rows: grouped });
    expect(all.dataset.rows).toEqual(grouped);
    expect(all.dataset.seed).toBeUndefined();
  });
});
