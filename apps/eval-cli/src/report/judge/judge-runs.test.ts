import { readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { type JudgeRollout, writeJudgeRun } from "../../../test/write-judge-run.js";
import { reportRunDir } from "../report-run-dir.js";
import type { RunSummary } from "../run-summary.js";

const fixtures = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "..",
  "..",
  "fixtures",
  "report",
);
const validateSummary = new Ajv({ allErrors: true }).compile(
  JSON.parse(readFileSync(join(fixtures, "..", "schemas", "sv-bench-summary-e1.schema.json"), "utf8")),
);
const temp = () => mkdtemp(join(tmpdir(), "sv-judge-report-"));

const RIGHT_M = '{"label": "Malicious", "confidence": 0.9, "rationale": "S0 scan"}';
const RIGHT_B = '{"label": "Benign", "confidence": 0.8, "rationale": "normal"}';
const WRONG_B = '{"label": "Benign", "confidence": 0.7}';
const ABSTAIN = '{"label": "Abstain", "confidence": 0.2}';

async function report(dir: string) {
  const result = await reportRunDir({ dir, resamples: 20 });
  const summary = JSON.parse(await readFile(result.files.summary, "utf8")) as RunSummary;
  const markdown = await readFile(result.files.markdown, "utf8");
  const html = await readFile(result.files.html, "utf8");
  return { summary, markdown, html, data: result.data };
}

const mdRow = (markdown: string, label: string) =>
  markdown.split("\n").find((line) => line.startsWith(`| ${label} |`));
const cell = (html: string, outcome: string, verdict: string) =>
  Number(
    new RegExp(`data-outcome="${outcome}" data-verdict="${verdict}" data-count="(\\d+)"`).exec(html)?.[1],
  );

describe("the original's judge environment under vf-eval", () => {
  it("takes the judge's reward as the headline, re-scores the replies for accuracy and lists disagreements", async () => {
    const dir = join(await temp(), "run");
    await cp(join(fixtures, "vf-sv-netlogs-judge"), dir, { recursive: true });
    const { summary, markdown, html, data } = await report(dir);
    // 8 rows: the judge-error row and the model-error row are failed rollouts.
    expect(summary).toMatchObject({ n_rollouts: 8, n_errors: 2 });
    expect(summary.rewards.mean_reward).toBeCloseTo(2 / 6, 12);
    // labels come from parsing the completions: Malicious, Benign, Benign, Benign, Abstain, none
    expect(summary.metrics.confusion_matrix).toEqual({ tp: 1, tn: 1, fp: 0, fn: 2, abstain: 1, invalid: 1 });
    expect(summary.rewards.accuracy).toBeCloseTo(2 / 6, 12);
    expect(summary.judge).toEqual({
      mode: "judge",
      model: "gpt-4.1-nano",
      n_judged: 6,
      n_judge_errors: 1,
      yes_rate: 2 / 6,
      agreement_with_accuracy: 4 / 6,
      cost_usd: null,
    });
    expect(data.judge?.modelNote).toMatch(/default/);
    expect(data.judge?.table).toEqual({
      correct: { yes: 1, no: 1, error: 1 },
      wrong: { yes: 1, no: 1, error: 0 },
      abstained: { yes: 0, no: 1, error: 0 },
      noLabel: { yes: 0, no: 1, error: 0 },
    });
    expect(data.judge?.errorTypes).toEqual([["RuntimeError", 1]]);
    expect(markdown).toContain("## Judge");
    expect(mdRow(markdown, "Agreement with programmatic accuracy")).toBe(
      "| Agreement with programmatic accuracy | 0.667 (4 of 6) |",
    );
    expect(markdown).toContain("- **Request errors:** 2 (1 of them at the judge)");
    expect(mdRow(markdown, "1")).toBe("| 1 | Benign | Benign | 0.35 | no | (not recorded) |");
    expect(mdRow(markdown, "2")).toBe("| 2 | Malicious | Benign | 0.60 | yes | (not recorded) |");
    expect(mdRow(markdown, "Judge cost (apart from the model's)")).toContain("n/a");
    expect(cell(html, "correct", "error")).toBe(1);
    expect(cell(html, "noLabel", "no")).toBe(1);
    expect(html).toContain('value="64">Judge disagrees</option>');
    // The judge environment's run still satisfies the original's summary schema; its own id is kept apart.
    expect(summary.environment).toBe("sv-env-network-logs");
    expect(summary.metadata.env_id).toBe("sv-netlogs-judge");
    expect(validateSummary(summary), JSON.stringify(validateSummary.errors)).toBe(true);
  });
});

describe("judge runs written by pnpm eval --rubric judge", () => {
  const mixed: JudgeRollout[] = [
    { example: 0, answer: "Malicious", completion: RIGHT_M, verdict: "yes" },
    { example: 1, answer: "Benign", completion: RIGHT_B, verdict: "yes", cached: true },
    {
      example: 2,
      answer: "Malicious",
      completion: WRONG_B,
      verdict: "yes",
      reply: "Yes | <script>alert(1)</script> *C&C*",
    },
    { example: 3, answer: "Malicious", completion: ABSTAIN, verdict: "no" },
    { example: 4, answer: "Benign", completion: RIGHT_B, verdict: "no", judgeTokens: null },
    { example: 5, answer: "Benign", completion: RIGHT_B, judgeError: "rate_limit", judgeTokens: null },
    { example: 6, answer: "Malicious", modelError: "rate limited" },
  ];

  it("counts verdicts, errors, cache hits, tokens and cost apart from the model's, and escapes the replies", async () => {
    const dir = await writeJudgeRun({
      dir: join(await temp(), "run"),
      mode: "judge",
      rollouts: mixed,
      metadata: {
        judge_cost: { usd: 1, price: { input_per_mtok: 0.1, output_per_mtok: 0.4, source: "test" } },
      },
    });
    const { summary, markdown, html, data } = await report(dir);
    const judge = data.judge!;
    // the judge block is an extra key the original's summary schema allows
    expect(validateSummary(summary), JSON.stringify(validateSummary.errors)).toBe(true);
    expect(summary.rewards.mean_reward).toBeCloseTo(3 / 5, 12);
    expect(summary.rewards.accuracy).toBeCloseTo(3 / 5, 12);
    expect(judge).toMatchObject({ judged: 5, errors: 1, yes: 3, agreements: 3, cacheHits: 1, notJudged: 0 });
    expect(judge.retries).toEqual({ total: 2, rollouts: 1 });
    expect(mdRow(markdown, "Judge retries")).toBe("| Judge retries | 2 retried requests over 1 rollout |");
    expect(judge.disagreements.listed.map((item) => item.exampleId)).toEqual([2, 4]);
    // tokens: calls 0, 2, 3 reported 400/1; the cached call (1) costs nothing; 4 and 5 reported none
    expect(judge.tokens).toEqual({ input: 1600, output: 4, calls: 4, unknown: 2 });
    expect(summary.judge?.cost_usd).toBeCloseTo((1200 * 0.1 + 3 * 0.4) / 1e6, 15);
    // the model's own tokens and cost are not mixed with the judge's; the judge-error row paid the model
    expect(summary.api_cost).toMatchObject({ input_tokens: 600, paid_rollouts: 6 });
    expect(data.tokens).toEqual({ input: 600, output: 120, rollouts: 6 });
    expect(mdRow(markdown, "Judge cache hits")).toBe("| Judge cache hits | 1 |");
    expect(markdown).toContain(
      "| 2 | Malicious | Benign | 0.70 | yes | Yes \\| &lt;script&gt;alert(1)&lt;/script&gt; \\*C&C\\* |",
    );
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("Yes | &lt;script&gt;alert(1)&lt;/script&gt; *C&amp;C*");
    expect(html).toContain('data-judge="agreement" data-value="0.6"');
  });

  it("takes metadata.json's judge totals, said so, when the rows have no judge token counts", async () => {
    const dir = await writeJudgeRun({
      dir: join(await temp(), "run"),
      mode: "judge",
      rollouts: [
        {
          example: 0,
          answer: "Malicious",
          completion: RIGHT_M,
          verdict: "no",
          judgeTokens: null,
          reply: "n".repeat(700),
        },
        { example: 1, answer: "Benign", completion: RIGHT_B, verdict: "yes", judgeTokens: null },
      ],
      metadata: {
        judge_usage: { input_tokens: 812, output_tokens: 2 },
        judge_cost: { usd: 0.0125 },
        judge_cache: { hits: 3 },
      },
    });
    const { summary, markdown } = await report(dir);
    expect(summary.judge?.cost_usd).toBe(0.0125);
    expect(mdRow(markdown, "Judge tokens (apart from the model's)")).toBe(
      "| Judge tokens (apart from the model's) | 812 in, 2 out (metadata.json totals; the rows have no judge token counts) |",
    );
    expect(mdRow(markdown, "Judge cost (apart from the model's)")).toContain("$0.0125 (metadata.json;");
    expect(mdRow(markdown, "Judge cache hits")).toContain("3 (metadata.json");
    expect(markdown).toContain("- **Rubric:** judge; judge gpt-4.1-nano");
    // a judge reply longer than the contract's 500 characters is cut in the list
    expect(mdRow(markdown, "0")).toContain(`| no | ${"n".repeat(500)}\u2026 |`);
  });

  it("reads n/a, never 0 or 1, when every judge call failed", async () => {
    const dir = await writeJudgeRun({
      dir: join(await temp(), "run"),
      mode: "judge",
      rollouts: [
        { example: 0, answer: "Malicious", completion: RIGHT_M, judgeError: "timeout", judgeTokens: null },
        { example: 1, answer: "Benign", completion: RIGHT_B, judgeError: "timeout", judgeTokens: null },
      ],
    });
    const { summary, markdown, html, data } = await report(dir);
    expect(summary.judge).toMatchObject({
      n_judged: 0,
      n_judge_errors: 2,
      yes_rate: null,
      agreement_with_accuracy: null,
    });
    expect(data.judge?.table.correct).toEqual({ yes: 0, no: 0, error: 2 });
    expect(mdRow(markdown, "Judge yes rate")).toBe("| Judge yes rate | n/a (nothing judged) |");
    expect(mdRow(markdown, "Agreement with programmatic accuracy")).toContain("n/a");
    expect(markdown).toContain("Nothing was judged, so there is nothing to disagree on.");
    expect(html).toContain('data-judge="yes-rate" data-value="" data-undefined="true"');
  });

  it("shows the judge section with n/a when no rollout reached the judge", async () => {
    const dir = await writeJudgeRun({
      dir: join(await temp(), "run"),
      mode: "judge",
      rollouts: [{ example: 0, answer: "Malicious", modelError: "rate limited" }],
    });
    const { summary, markdown } = await report(dir);
    expect(summary.judge).toMatchObject({ mode: "judge", n_judged: 0, n_judge_errors: 0, yes_rate: null });
    expect(mdRow(markdown, "Rollouts judged")).toBe("| Rollouts judged | 0 |");
    expect(mdRow(markdown, "Judge cost (apart from the model's)")).toBe(
      "| Judge cost (apart from the model's) | $0 (no judge call was made) |",
    );
  });

  it("keeps agreement defined on a one-class run and on an all-abstained run", async () => {
    const benign = await writeJudgeRun({
      dir: join(await temp(), "run"),
      mode: "judge",
      rollouts: [
        { example: 0, answer: "Benign", completion: RIGHT_B, verdict: "yes" },
        { example: 1, answer: "Benign", completion: RIGHT_B, verdict: "yes" },
      ],
    });
    const one = await report(benign);
    expect(one.summary.judge).toMatchObject({ yes_rate: 1, agreement_with_accuracy: 1 });
    expect(one.markdown).toContain(
      "The judge agrees with the programmatic accuracy on every judged rollout.",
    );
    const abstained = await writeJudgeRun({
      dir: join(await temp(), "run"),
      mode: "judge",
      rollouts: [
        { example: 0, answer: "Malicious", completion: ABSTAIN, verdict: "no" },
        { example: 1, answer: "Benign", completion: ABSTAIN, verdict: "yes" },
      ],
    });
    const all = await report(abstained);
    expect(all.summary.judge).toMatchObject({ yes_rate: 0.5, agreement_with_accuracy: 0.5 });
    expect(all.data.judge?.table.abstained).toEqual({ yes: 1, no: 1, error: 0 });
    expect(all.summary.metrics.detection.accuracy).toBe(0);
    expect(all.summary.metrics.undefined).toContain("detection.accuracy");
  });

  it("hybrid: the reward includes the weighted rationale score, accuracy stays programmatic", async () => {
    const dir = await writeJudgeRun({
      dir: join(await temp(), "run"),
      mode: "hybrid",
      judgeWeight: 0.25,
      rollouts: [
        { example: 0, answer: "Malicious", completion: RIGHT_M, verdict: "yes" },
        { example: 1, answer: "Benign", completion: RIGHT_B, verdict: "no" },
        { example: 2, answer: "Benign", completion: "benign, I think", verdict: "no", skipped: true },
      ],
    });
    const { summary, markdown, data } = await report(dir);
    const programmatic = data.judge!.programmaticMeanReward!;
    expect(summary.rewards.mean_reward).toBeCloseTo(programmatic + 0.25 / 3, 12);
    // the skipped verdict is judged, but no call: no unknown tokens, no cost
    expect(data.judge).toMatchObject({ judged: 3, skipped: 1 });
    expect(data.judge?.tokens).toEqual({ input: 800, output: 2, calls: 2, unknown: 0 });
    expect(summary.rewards.accuracy).toBeCloseTo(2 / 3, 12);
    expect(data.judge).toMatchObject({ mode: "hybrid", kinds: ["rationale"], weight: 0.25 });
    expect(mdRow(markdown, "Judge weight")).toBe("| Judge weight | 0.25 |");
  });

  it("names the file, line and field of a malformed judge field", async () => {
    const dir = await writeJudgeRun({
      dir: join(await temp(), "run"),
      mode: "judge",
      rollouts: [{ example: 0, answer: "Malicious", completion: RIGHT_M, verdict: "yes" }],
    });
    const path = join(dir, "results.jsonl");
    const text = (await readFile(path, "utf8")).replace('"verdict":"yes"', '"verdict":"maybe"');
    await writeFile(path, text);
    await expect(reportRunDir({ dir, resamples: 5 })).rejects.toThrow(
      /results\.jsonl line 1: field `judge\.verdict` must be "yes", "no" or null, got "maybe"/,
    );
  });
});
