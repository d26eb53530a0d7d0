import { readFileSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { type HandRollout, writeRunDir } from "../../test/write-run-dir.js";
import { formatOutcomeLine } from "../commands/evaluate/outcome-line.js";
import { reportRunDir } from "./report-run-dir.js";
import type { RunSummary } from "./run-summary.js";

const temp = () => mkdtemp(join(tmpdir(), "sv-degenerate-"));

async function report(rollouts: HandRollout[], resamples = 50, metadata?: Record<string, unknown>) {
  const dir = await writeRunDir({ dir: join(await temp(), "run"), rollouts, metadata });
  const result = await reportRunDir({ dir, resamples });
  const [summaryText, markdown, html] = await Promise.all(
    [result.files.summary, result.files.markdown, result.files.html].map((file) => readFile(file, "utf8")),
  );
  return { ...result, summary: JSON.parse(summaryText!) as RunSummary, markdown: markdown!, html: html! };
}

const times = (count: number, make: (index: number) => HandRollout) =>
  Array.from({ length: count }, (_, index) => make(index));

/** Every number the original's summary schema requires, at its dotted name. */
const REQUIRED = [
  "detection.tpr",
  "detection.fpr",
  "detection.fnr",
  "detection.precision",
  "detection.f1",
  "detection.accuracy",
  "calibration.ece",
  "calibration.brier",
  "cost.fn_cost_weight",
  "cost.fp_cost_weight",
  "cost.total_cost",
  "cost.cost_weighted_accuracy",
  "abstention.abstain_rate",
  "abstention.accuracy_non_abstained",
];

const validateSummary = new Ajv({ allErrors: true }).compile(
  JSON.parse(
    readFileSync(
      resolve(
        fileURLToPath(import.meta.url),
        "../../../../../fixtures/schemas/sv-bench-summary-e1.schema.json",
      ),
      "utf8",
    ),
  ),
);

function expectSchemaNumbers(summary: RunSummary) {
  // the original's summary schema (restated in fixtures/schemas) still accepts it
  expect(validateSummary(summary), JSON.stringify(validateSummary.errors)).toBe(true);
  for (const name of REQUIRED) {
    const [group, key] = name.split(".") as [string, string];
    const value = (summary.metrics as unknown as Record<string, Record<string, unknown>>)[group]![key];
    expect(typeof value, name).toBe("number");
    expect(Number.isFinite(value), name).toBe(true);
  }
  const aurc = summary.metrics.abstention.aurc;
  if (aurc !== undefined) expect(aurc >= 0 && aurc <= 1).toBe(true);
}

describe("reports on degenerate runs", () => {
  it("a benign-only set: TPR, FNR and F1 are undefined, listed, and shown as n/a everywhere", async () => {
    const run = await report(
      times(10, (index) => ({
        label: index < 2 ? "Malicious" : "Benign",
        confidence: 0.8,
        answer: "Benign",
      })),
    );
    const { metrics } = run.summary;
    expectSchemaNumbers(run.summary);
    expect(metrics.undefined).toEqual(["detection.tpr", "detection.fnr", "detection.f1"]);
    expect(metrics.detection.fnr).toBe(0);
    expect(metrics.detection.fpr).toBeCloseTo(0.2);
    for (const row of ["TPR (recall)", "FNR", "F1"]) expect(run.markdown).toContain(`| ${row} | n/a |`);
    expect(run.markdown).toContain("| FPR | 0.200 |");
    expect(run.markdown).toMatch(
      /Undefined on this run.*detection\.tpr, detection\.fnr, detection\.f1 \(no answered rollout has a Malicious gold answer\)/,
    );
    for (const key of ["tpr", "f1"]) {
      expect(run.html).toMatch(
        new RegExp(
          `data-metric="${key}" data-value="" data-low="" data-high="" data-undefined="true"><th>[^<]+</th><td class="num na">n/a</td>`,
        ),
      );
    }
    expect(run.html).toContain('data-empty-chart="by-attack-family"');
    // no attack row in the confusion matrix: its shares are n/a, not 0.0%
    expect(run.html).toMatch(
      /data-gold="malicious" data-predicted="benign" data-count="0">(?:(?!<\/g>).)*>n\/a<\/text>/,
    );
    expect(run.html).toMatch(
      /data-gold="benign" data-predicted="benign" data-count="8">(?:(?!<\/g>).)*>80\.0%<\/text>/,
    );
    expect(run.html).toContain("No rollout has a Malicious gold answer");
    expect(run.markdown).toContain(
      "No rollout has a Malicious gold answer, so there is no attack family to detect.",
    );
    const line = formatOutcomeLine({ summary: run.summary, runDir: null });
    expect(line).toContain("F1 n/a, FNR n/a");
    expect(line).not.toMatch(/F1 0\.000|FNR 1\.000/);
  });

  it("one confidence value: AURC is the error rate and the risk–coverage chart is one step", async () => {
    const run = await report(
      times(10, (index) => ({
        label: index < 3 ? "Malicious" : "Benign",
        confidence: 0.9,
        answer: "Malicious",
      })),
    );
    expectSchemaNumbers(run.summary);
    expect(run.summary.metrics.abstention.aurc).toBe(0.7);
    expect(run.summary.metrics.abstention.aurc_101_thresholds).toBeCloseTo(0.35);
    expect(run.data.riskCoverage).toHaveLength(1);
    expect(run.html).toMatch(
      /<path class="curve" data-series="0" data-aurc="0.7" data-points="1,0.7"[^>]* d="M56,[\d.]+H404"/,
    );
    expect(run.html).toMatch(/<circle class="point" data-series="0"/);
    expect(run.markdown).toContain("- AURC: 0.7000");
    expect(run.data.intervals.aurc).toMatchObject({ value: 0.7 });
  });

  it("every reply abstained: accuracy, ECE, Brier and AURC are undefined, not 0", async () => {
    const run = await report(
      times(6, (index) => ({
        label: "Abstain",
        confidence: 0.4,
        answer: index % 2 ? "Benign" : "Malicious",
      })),
    );
    const { metrics } = run.summary;
    expectSchemaNumbers(run.summary);
    expect(metrics.abstention.abstain_rate).toBe(1);
    expect(metrics.undefined).toContain("abstention.accuracy_non_abstained");
    expect(metrics.undefined).toContain("calibration.ece");
    expect(metrics.abstention).not.toHaveProperty("aurc");
    expect(run.markdown).toContain("- Accuracy, answered: n/a");
    expect(run.markdown).toContain("| ECE | n/a |");
    expect(run.markdown).toContain("- AURC: n/a");
    expect(run.html).toContain('data-empty-chart="reliability"');
    expect(run.html).toContain('data-empty-chart="risk-coverage"');
    expect(run.html).not.toContain('data-chart="risk-coverage"');
  });

  it("every request failed: the mean reward is undefined too", async () => {
    const run = await report(
      times(4, () => ({ label: null, confidence: 0, answer: "Benign", error: true, attempts: 3 })),
    );
    expect(run.summary.rewards.mean_reward).toBeNull();
    expect(run.summary.n_errors).toBe(4);
    expect(run.markdown).toContain("| Mean reward | n/a | n/a |");
    expect(run.markdown).toContain("- **Retries:** 8 retried requests over 4 rollouts");
    expect(run.html).toContain("Every rollout failed with a request error");
    expect(formatOutcomeLine({ summary: run.summary, runDir: "x" })).toMatch(
      /^acme\/hand: reward n\/a over scored rollouts \(avg_reward 0\.0000 with failed ones as 0\), accuracy \(answered\) n\/a/,
    );
    const half = { ...run.summary, n_errors: 2, rewards: { ...run.summary.rewards, mean_reward: 1.5 } };
    expect(formatOutcomeLine({ summary: half, runDir: null })).toMatch(
      /: reward 1\.5000 over scored rollouts \(avg_reward 0\.7500 with failed ones as 0\), /,
    );
  });

  it("no rollouts at all: every rate is n/a and no histogram is drawn", async () => {
    const run = await report([]);
    expect(run.summary.metrics.undefined).toHaveLength(13);
    expect(run.html).not.toContain('data-chart="latency"');
    expect(run.html).toContain("No rollouts in this run.");
    expect(run.markdown).toContain("| Accuracy, answered | n/a | n/a |");
  });

  it("no token counts reported: says so instead of drawing a histogram of zeros", async () => {
    const run = await report(
      times(5, () => ({ label: "Benign", confidence: 0.7, answer: "Benign", totalMs: 120 })),
    );
    expect(run.html).not.toContain('data-chart="output-tokens"');
    expect(run.html).not.toContain('data-chart="input-tokens"');
    expect(run.html).toContain('data-empty-chart="output-tokens"');
    expect(run.html).toContain("No token counts were reported");
    expect(run.html).toContain('data-chart="latency"');
    expect(run.markdown).toContain("- **Tokens:** none reported");
    expect(run.markdown).toContain("- **Rate-limit pauses:** not recorded");
    expect(run.markdown).toContain("- **Retries:** none");
  });

  it("the mean tokens per rollout leave out failed rollouts, as metadata.json's usage does", async () => {
    const run = await report([
      ...times(3, () => ({
        label: "Benign",
        confidence: 0.7,
        answer: "Benign",
        tokens: { input: 100, output: 20 },
      })),
      { label: null, confidence: 0, answer: "Malicious", error: true },
    ]);
    expect(run.markdown).toContain(
      "- **Tokens:** 300 in, 60 out (mean 100.0 / 20.0 per rollout, over the 3 that reported usage)",
    );
  });

  it("shows retries from the rows and rate-limit pauses from metadata.json on the run card", async () => {
    const run = await report(
      [
        { label: "Benign", confidence: 0.7, answer: "Benign", attempts: 3 },
        { label: "Benign", confidence: 0.7, answer: "Benign", attempts: 2 },
        { label: "Benign", confidence: 0.7, answer: "Benign" },
      ],
      20,
      { rate_limit_pauses: 4 },
    );
    expect(run.markdown).toContain("- **Retries:** 3 retried requests over 2 rollouts");
    expect(run.markdown).toContain("- **Rate-limit pauses:** 4");
    expect(run.html).toContain('<dd data-field="Retries">3 retried requests over 2 rollouts</dd>');
    expect(run.html).toContain('<dd data-field="Rate-limit pauses">4</dd>');
  });

  it("escapes Markdown, not HTML, in report.md", async () => {
    const run = await report([
      { label: "Malicious", confidence: 0.9, answer: "Malicious", family: "C&C" },
      { label: "Benign", confidence: 0.9, answer: "Malicious", family: "<script>x</script> *bold* &amp;" },
    ]);
    expect(run.markdown).toContain("| C&C | 1 | 1 | 1.000 |");
    expect(run.markdown).not.toContain("C&amp;C");
    expect(run.markdown).not.toContain("<script");
    expect(run.markdown).toContain("&lt;script&gt;x&lt;/script&gt; \\*bold\\* \\&amp;");
  });

  it("bootstraps rare-class rates over the resamples where they are defined", async () => {
    const run = await report(
      times(20, (index) => ({
        label: "Benign",
        confidence: 0.6 + index / 100,
        answer: index === 0 ? "Malicious" : "Benign",
      })),
      200,
    );
    const tpr = run.data.intervals.tpr!;
    expect(tpr.value).toBe(0);
    expect(tpr.resamplesDefined).toBeGreaterThan(100);
    expect(tpr.resamplesDefined).toBeLessThan(200);
    expect(run.markdown).toMatch(
      /\| TPR \(recall\) \| 0\.0000 \| \[0\.0000, 0\.0000\] \(\d+ of 200 resamples\) \|/,
    );
    const fpr = run.data.intervals.fpr!;
    expect(fpr.resamplesDefined).toBe(200);
  });
});
