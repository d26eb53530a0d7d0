import { createHash } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HOSTILE, writeFakeRun } from "../../test/browser/fake-run.js";
import { summarizeResultLines } from "./summarize-result-lines.js";
import { readResultLines } from "./read-result-lines.js";
import { reportRunDir } from "./report-run-dir.js";
import type { RunSummary } from "./run-summary.js";

const temp = () => mkdtemp(join(tmpdir(), "sv-report-dir-"));
const attributes = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((match) => match[1]!);

describe("reportRunDir", () => {
  it("writes summary.json, report.md and report.html, byte-identical when regenerated", async () => {
    const dir = await writeFakeRun({ dir: join(await temp(), "run"), seed: 11, examples: 150 });
    const first = await reportRunDir({ dir, resamples: 100 });
    const bytes = await Promise.all(Object.values(first.files).map((file) => readFile(file)));
    await reportRunDir({ dir, resamples: 100 });
    const again = await Promise.all(Object.values(first.files).map((file) => readFile(file)));
    expect(again).toEqual(bytes);
    const summary = JSON.parse(await readFile(first.files.summary, "utf8")) as RunSummary;
    const streamed = await summarizeResultLines({
      results: readResultLines({ path: join(dir, "results.jsonl") }),
      metadata: first.data.metadata,
      timestamp: summary.timestamp,
    });
    // summary.json is the summary builder's output plus the run extras (cost, several-rollout stats).
    const { api_cost: apiCost, rollout_stats: rolloutStats, ...core } = summary;
    expect(core).toEqual(JSON.parse(JSON.stringify(streamed)));
    expect(apiCost?.paid_rollouts).toBeGreaterThan(0);
    expect(rolloutStats === undefined).toBe((first.data.metadata.rollouts_per_example ?? 1) < 2);
    expect(summary.timestamp).toBe("2026-01-02T03:04:05.000Z");
    const markdown = await readFile(first.files.markdown, "utf8");
    expect(markdown).toContain(`| ECE | ${summary.metrics.calibration.ece.toFixed(4)} |`);
  });

  it("draws charts whose data attributes agree with the summary", async () => {
    const dir = await writeFakeRun({ dir: join(await temp(), "run"), seed: 5, examples: 300 });
    const { files } = await reportRunDir({ dir, resamples: 50 });
    const html = await readFile(files.html, "utf8");
    const summary = JSON.parse(await readFile(files.summary, "utf8")) as RunSummary;
    const cm = summary.metrics.confusion_matrix;
    const cell = (gold: string, predicted: string) =>
      Number(
        new RegExp(`data-gold="${gold}" data-predicted="${predicted}" data-count="(\\d+)"`).exec(html)![1],
      );
    expect(cell("malicious", "malicious")).toBe(cm.tp);
    expect(cell("benign", "benign")).toBe(cm.tn);
    expect(cell("benign", "malicious")).toBe(cm.fp);
    expect(cell("malicious", "benign")).toBe(cm.fn);
    expect(cell("malicious", "abstain") + cell("benign", "abstain")).toBe(cm.abstain);
    expect(cell("malicious", "none") + cell("benign", "none")).toBe(cm.invalid);
    const counts = attributes(html, "data-count").slice(0, 10).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(cm.tp + cm.tn + cm.fp + cm.fn);
    expect(Number(attributes(html, "data-aurc")[0])).toBe(summary.metrics.abstention.aurc);
    const metric = (key: string) =>
      Number(new RegExp(`data-metric="${key}" data-value="([^"]+)"`).exec(html)![1]);
    expect(metric("ece")).toBe(summary.metrics.calibration.ece);
    expect(metric("reward")).toBe(summary.rewards.mean_reward);
    expect(metric("f1")).toBe(summary.metrics.detection.f1);
    for (const chart of [
      "reliability",
      "risk-coverage",
      "confusion",
      "by-attack-family",
      "by-source",
      "confidence-by-outcome",
      "latency",
      "output-tokens",
      "input-tokens",
    ]) {
      expect(html).toContain(`data-chart="${chart}"`);
    }
  });

  it("escapes hostile prompts, replies, model names and info, and pins its script by hash", async () => {
    const dir = await writeFakeRun({ dir: join(await temp(), "run"), seed: 2, examples: 40, hostile: true });
    const { files } = await reportRunDir({ dir, resamples: 20 });
    const html = await readFile(files.html, "utf8");
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html).not.toContain("<img");
    expect(html).not.toContain(HOSTILE);
    const markdown = await readFile(files.markdown, "utf8");
    expect(markdown).not.toContain("<script");
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash("sha256").update(inline).digest("base64");
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
  });

  it("cuts long texts with a note and names the file and line of a bad result line", async () => {
    const dir = await writeFakeRun({ dir: join(await temp(), "run"), seed: 4, examples: 5 });
    const results = join(dir, "results.jsonl");
    const lines = (await readFile(results, "utf8")).trim().split("\n");
    const long = JSON.parse(lines[0]!) as { completion: string };
    long.completion = `${"x".repeat(5000)}`;
    lines[0] = JSON.stringify(long);
    await writeFile(results, `${lines.join("\n")}\n`);
    const { files } = await reportRunDir({ dir, resamples: 10, maxTextChars: 300 });
    const html = await readFile(files.html, "utf8");
    expect(html).toContain("truncated: 5000 characters in all");
    expect(html).toContain("longer than 300 characters are cut");
    await writeFile(results, `${lines[1]}\n{"answer": "maybe"}\n`);
    await expect(reportRunDir({ dir })).rejects.toThrow(/results\.jsonl line 2: field `answer`/);
    await expect(reportRunDir({ dir: join(dir, "missing") })).rejects.toThrow(/no results\.jsonl/);
  });
});
