import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reportRunDir } from "./report-run-dir.js";
import type { RunSummary } from "./run-summary.js";

const fixture = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "..",
  "fixtures",
  "report",
  "legacy-run",
);

describe("reporting an older run", () => {
  it("re-parses and re-scores lines without `parsed` or `metrics`", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "sv-legacy-")), "run");
    await cp(fixture, dir, { recursive: true });
    const { files } = await reportRunDir({ dir, resamples: 20 });
    const summary = JSON.parse(await readFile(files.summary, "utf8")) as RunSummary;
    expect(summary.model).toBe("legacy-model");
    expect(summary.dataset).toBe("iot23-train-dev-test-v1.jsonl");
    expect(summary.timestamp).toMatch(/^2025-09-01T/);
    expect(summary.metrics.confusion_matrix).toEqual({ tp: 2, tn: 1, fp: 0, fn: 1, abstain: 1, invalid: 1 });
    // the fenced reply still parses; the free-text reply fails the format reward
    expect(summary.rewards.format).toBeLessThan(1);
    expect(summary.rewards.mean_reward).not.toBe(0);
  });
});
