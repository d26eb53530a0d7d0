import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFakeRun } from "../../test/browser/fake-run.js";
import { summarizeResultLines } from "./summarize-result-lines.js";
import { readResultLines } from "./read-result-lines.js";
import { readRunMetadata } from "./read-run-metadata.js";
import { ReportCollector } from "./report-collector.js";
import type { ResultLine } from "./result-line.js";

async function collect(dir: string, resamples = 200) {
  const metadata = await readRunMetadata({ path: join(dir, "metadata.json") });
  const collector = new ReportCollector({ resamples });
  for await (const line of readResultLines({ path: join(dir, "results.jsonl") })) collector.add(line);
  const summary = await summarizeResultLines({
    results: readResultLines({ path: join(dir, "results.jsonl") }),
    metadata,
    timestamp: "2026-01-02T03:04:05.000Z",
  });
  return { collector, data: collector.result({ metadata, summary }) };
}

describe("ReportCollector", async () => {
  const dir = await writeFakeRun({
    dir: join(await mkdtemp(join(tmpdir(), "sv-report-")), "run"),
    seed: 7,
    examples: 400,
    rolloutsPerExample: 2,
  });
  const { collector, data } = await collect(dir);
  const metrics = data.summary.metrics;

  it("carries the run's summary, counting every rollout", () => {
    expect(data.summary.n_rollouts).toBe(800);
    expect(data.summary.n_distinct_examples).toBe(400);
    expect(data.summary.n_examples).toBe(data.summary.n_rollouts);
  });

  it("draws reliability bins that reproduce the summary's ECE and decided count", () => {
    const { tp, tn, fp, fn } = metrics.confusion_matrix;
    const decided = tp + tn + fp + fn;
    const counted = data.reliability.reduce((total, bin) => total + bin.count, 0);
    expect(counted).toBe(decided);
    const ece = data.reliability.reduce(
      (total, bin) =>
        total + (bin.count / decided) * Math.abs((bin.accuracy ?? 0) - (bin.meanConfidence ?? 0)),
      0,
    );
    expect(ece).toBeCloseTo(metrics.calibration.ece, 12);
    expect(data.reliability.reduce((total, bin) => total + bin.correct, 0)).toBe(tp + tn);
  });

  it("draws a risk-coverage step curve whose area is the summary's AURC", () => {
    const points = data.riskCoverage;
    const { tp, tn, fp, fn } = metrics.confusion_matrix;
    expect(points.at(-1)!.coverage).toBe(1);
    expect(points.at(-1)!.covered).toBe(tp + tn + fp + fn);
    let area = 0;
    let previous = 0;
    for (const point of points) {
      area += (point.coverage - previous) * point.risk;
      previous = point.coverage;
    }
    expect(area).toBeCloseTo(metrics.abstention.aurc!, 12);
    expect(data.metrics.abstention.aurc).toBe(metrics.abstention.aurc);
  });

  it("puts every point value inside its bootstrap interval, deterministically", async () => {
    for (const [key, interval] of Object.entries(data.intervals)) {
      expect(interval.low, key).not.toBeNull();
      expect(interval.low!, key).toBeLessThanOrEqual(interval.high!);
      expect(interval.value!, key).toBeGreaterThanOrEqual(interval.low! - 0.05);
      expect(interval.value!, key).toBeLessThanOrEqual(interval.high! + 0.05);
    }
    expect(data.intervals.accuracy!.high! - data.intervals.accuracy!.low!).toBeGreaterThan(0);
    const again = await collect(dir);
    expect(again.data.intervals).toEqual(data.intervals);
    const otherSeed = new ReportCollector({ resamples: 200, seed: 99 });
    for await (const line of readResultLines({ path: join(dir, "results.jsonl") })) otherSeed.add(line);
    const other = otherSeed.result({ metadata: data.metadata, summary: data.summary });
    expect(other.intervals).not.toEqual(data.intervals);
  });

  it("counts detection per attack family and per source", () => {
    const attacks = data.byAttackFamily.filter((group) => group.name !== "(none)");
    expect(attacks.length).toBeGreaterThan(2);
    expect(data.byAttackFamily.reduce((total, group) => total + group.count, 0)).toBe(
      800 - data.summary.n_errors,
    );
    expect(data.summary.n_errors).toBeGreaterThan(0);
    expect(data.bySource.map((group) => group.name).sort()).toEqual(["cic-ids-2017", "iot23", "unsw-nb15"]);
    const tp = data.byAttackFamily.reduce((total, group) => total + group.metrics.confusion_matrix.tp, 0);
    expect(tp).toBe(metrics.confusion_matrix.tp);
  });

  it("fills the rollout table and the distributions", () => {
    const table = collector.table.result();
    expect(table.rows).toHaveLength(800);
    expect(table.prompts.length).toBe(400);
    expect(table.systemPrompt).toMatch(/network security analyst/);
    expect(data.latencyMs.count).toBe(800);
    expect(data.latencyMs.counts.reduce((a, b) => a + b, 0)).toBe(800);
    expect(data.tokens.input).toBeGreaterThan(800 * 180 - 1);
  });
});

describe("ReportCollector order independence", () => {
  it("gives the same intervals whatever order the rollouts arrive in (a resumed run reorders them)", async () => {
    const dir = await writeFakeRun({
      dir: join(await mkdtemp(join(tmpdir(), "sv-report-order-")), "run"),
      seed: 3,
      examples: 60,
      rolloutsPerExample: 2,
    });
    const metadata = await readRunMetadata({ path: join(dir, "metadata.json") });
    const lines: ResultLine[] = [];
    for await (const line of readResultLines({ path: join(dir, "results.jsonl") })) lines.push(line);
    const summary = await summarizeResultLines({
      results: lines,
      metadata,
      timestamp: "2026-01-01T00:00:00.000Z",
    });
    const intervals = (ordered: typeof lines) => {
      const collector = new ReportCollector({ resamples: 200 });
      for (const line of ordered) collector.add(line);
      return collector.result({ metadata, summary }).intervals;
    };
    expect(intervals([...lines].reverse())).toEqual(intervals(lines));
  });
});
