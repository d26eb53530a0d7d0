import { mkdtemp, realpath } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReportRunDirResult, reportRunDir } from "../../src/report/report-run-dir.js";
import { type JudgeRollout, writeJudgeRun } from "../write-judge-run.js";
import { HOSTILE } from "./fake-run.js";
import { browserSkipReason, launchChromium } from "./launch-chromium.js";

const rollouts: JudgeRollout[] = Array.from({ length: 120 }, (_, index) => {
  const answer = index % 3 ? "Benign" : "Malicious";
  const right = index % 4 !== 0;
  const label = right ? answer : answer === "Benign" ? "Malicious" : "Benign";
  const completion = JSON.stringify({ label, confidence: 0.7 });
  if (index % 17 === 5) return { example: index, answer, completion, judgeError: "rate_limit" };
  // the judge disagrees on every seventh rollout
  const agree = index % 7 !== 0;
  return {
    example: index,
    answer,
    completion,
    verdict: right === agree ? "yes" : "no",
    reply: `no ${HOSTILE}`,
  };
});

describe.skipIf(browserSkipReason !== undefined)("report.html of a judge run in Chromium", () => {
  let browser: Browser;
  let report: ReportRunDirResult;

  beforeAll(async () => {
    const root = await realpath(await mkdtemp(join(tmpdir(), "sv-judge-browser-")));
    report = await reportRunDir({
      dir: await writeJudgeRun({ dir: join(root, "run"), mode: "judge", rollouts }),
      resamples: 30,
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("shows each rollout's verdict and filters the disagreements, as text only", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(pathToFileURL(report.files.html).href);
    await page.waitForSelector('body[data-rollouts-ready="true"]');
    const judge = report.data.judge!;
    expect(judge.disagreements.total).toBeGreaterThan(0);
    expect(await page.locator("table.rollouts thead th").allTextContents()).toContain("Judge");
    const verdicts = await page.$$eval("#rollout-body td[data-judge]", (cells) =>
      cells.map((cell) => cell.getAttribute("data-judge")),
    );
    expect(verdicts).toHaveLength(50);
    expect(new Set(verdicts)).toEqual(new Set(["1", "0", "-2"]));
    await page.selectOption("#rollout-filter", { label: "Judge disagrees" });
    await expect
      .poll(() => page.textContent("#rollout-status"))
      .toContain(`${judge.disagreements.total} of 120 rollouts match`);
    const flags = await page.$$eval("#rollout-body tr", (rows) =>
      rows.map((row) => Number(row.getAttribute("data-flags"))),
    );
    expect(flags.length).toBe(judge.disagreements.total);
    expect(flags.every((flag) => (flag & 64) === 64)).toBe(true);
    await page.locator("#rollout-body td[data-judge] details").first().click();
    expect(await page.locator("#rollout-body td[data-judge] pre").first().textContent()).toContain(
      "<img src=x",
    );
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
