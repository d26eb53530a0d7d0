import { mkdir, mkdtemp, readFile, realpath } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutputsServer } from "../../src/commands/view/outputs-server.js";
import { writeComparison } from "../../src/report/compare/write-comparison.js";
import { type ReportRunDirResult, reportRunDir } from "../../src/report/report-run-dir.js";
import type { RunSummary } from "../../src/report/run-summary.js";
import { writeFakeRun } from "./fake-run.js";
import { browserSkipReason, launchChromium } from "./launch-chromium.js";

const artifacts = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "..",
  "test-artifacts",
  "browser",
);
const CHARTS = [
  "reliability",
  "risk-coverage",
  "confusion",
  "by-attack-family",
  "by-source",
  "confidence-by-outcome",
  "latency",
  "output-tokens",
  "input-tokens",
];

if (browserSkipReason) console.warn(browserSkipReason);

/** A page that records console errors, page errors and every non-file request. */
async function openPage(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(url.startsWith("file:") ? "file:" : new URL(url).origin))
      requests.push(request.url());
  });
  await page.goto(url);
  return { page, problems, requests };
}

async function expectChartsSized(page: Page, names: string[]) {
  for (const name of names) {
    const box = await page.locator(`svg[data-chart="${name}"]`).first().boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.width, name).toBeGreaterThan(250);
    expect(box!.height, name).toBeGreaterThan(100);
  }
}

describe.skipIf(browserSkipReason !== undefined)("report.html and comparison.html in Chromium", () => {
  let browser: Browser;
  let plain: ReportRunDirResult;
  let hostile: ReportRunDirResult;
  let comparisonHtml = "";
  let root = "";

  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), "sv-browser-")));
    await mkdir(artifacts, { recursive: true });
    const a = await writeFakeRun({
      dir: join(root, "sv-env-network-logs--acme--a", "r1"),
      seed: 21,
      examples: 400,
    });
    const b = await writeFakeRun({
      dir: join(root, "sv-env-network-logs--evil", "r2"),
      seed: 22,
      examples: 150,
      rolloutsPerExample: 2,
      skill: 0.6,
      hostile: true,
    });
    plain = await reportRunDir({ dir: a, resamples: 100 });
    // the hostile run embeds its rollouts compressed, to exercise the DecompressionStream path
    hostile = await reportRunDir({ dir: b, resamples: 100, compressAbove: 0 });
    comparisonHtml = (
      await writeComparison({
        runs: [plain, hostile].map((result) => ({ data: result.data, htmlPath: result.files.html })),
        root,
      })
    ).html;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("opens a report from disk: charts sized, numbers match summary.json, no errors, no network", async () => {
    const { page, problems, requests } = await openPage(browser, pathToFileURL(plain.files.html).href);
    await page.waitForSelector('body[data-rollouts-ready="true"]');
    const summary = JSON.parse(await readFile(plain.files.summary, "utf8")) as RunSummary;
    await expectChartsSized(page, CHARTS);

    const bins = await page.$$eval('svg[data-chart="reliability"] .bin', (elements) =>
      elements.map((element) => ({
        count: Number(element.getAttribute("data-count")),
        accuracy: Number(element.getAttribute("data-accuracy")),
        confidence: Number(element.getAttribute("data-mean-confidence")),
      })),
    );
    expect(bins).toHaveLength(10);
    const cm = summary.metrics.confusion_matrix;
    const decided = cm.tp + cm.tn + cm.fp + cm.fn;
    expect(bins.reduce((total, bin) => total + bin.count, 0)).toBe(decided);
    const ece = bins.reduce(
      (total, bin) => total + (bin.count / decided) * Math.abs(bin.accuracy - bin.confidence),
      0,
    );
    expect(ece).toBeCloseTo(summary.metrics.calibration.ece, 10);
    const aurc = Number(await page.getAttribute('svg[data-chart="risk-coverage"] .curve', "data-aurc"));
    expect(aurc).toBe(summary.metrics.abstention.aurc);
    const cell = (gold: string, predicted: string) =>
      page
        .getAttribute(`g.cell[data-gold="${gold}"][data-predicted="${predicted}"]`, "data-count")
        .then(Number);
    expect(await cell("malicious", "benign")).toBe(cm.fn);
    expect(await cell("benign", "malicious")).toBe(cm.fp);
    expect((await cell("malicious", "abstain")) + (await cell("benign", "abstain"))).toBe(cm.abstain);
    expect(Number(await page.getAttribute('tr[data-metric="ece"]', "data-value"))).toBe(
      summary.metrics.calibration.ece,
    );

    expect(await page.locator("#rollout-body tr").count()).toBe(50);
    await page.selectOption("#rollout-filter", { label: "Missed attack" });
    await expect.poll(() => page.textContent("#rollout-status")).toContain(`${cm.fn} of 400 rollouts match`);
    const flags = await page.$$eval("#rollout-body tr", (rows) =>
      rows.map((row) => Number(row.getAttribute("data-flags"))),
    );
    expect(flags.length).toBe(Math.min(50, cm.fn));
    expect(flags.every((flag) => (flag & 2) === 2)).toBe(true);
    await page.selectOption("#rollout-filter", { label: "Abstained" });
    await expect
      .poll(() => page.textContent("#rollout-status"))
      .toContain(`${cm.abstain} of 400 rollouts match`);
    await page.selectOption("#rollout-filter", { label: "All rollouts" });
    await page.click("#rollout-next");
    await expect.poll(() => page.textContent("#rollout-status")).toContain("page 2 of 8");
    await page.fill("#rollout-search", "I think this is");
    await expect
      .poll(() => page.textContent("#rollout-status"))
      .toMatch(/^\d+ of 400 rollouts match; page 1/);
    await page.fill("#rollout-search", "");

    await page.screenshot({ path: join(artifacts, "report.png"), fullPage: true });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".controls").isVisible()).toBe(false);
    await page.pdf({ path: join(artifacts, "report.pdf"), format: "A4" });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("renders hostile prompts, replies and names as text only", async () => {
    const { page, problems, requests } = await openPage(browser, pathToFileURL(hostile.files.html).href);
    await page.waitForSelector('body[data-rollouts-ready="true"]');
    await expect.poll(() => page.textContent("#rollout-status")).toContain("of 300 rollouts match");
    await page.locator("#rollout-body details").first().click();
    await page.click("#rollout-next");
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(2);
    expect(await page.textContent("h1")).toContain("</script><script>window.__xss=1</script>");
    expect(await page.locator("#rollout-body pre").first().textContent()).toContain("<img src=x");
    await page.screenshot({ path: join(artifacts, "report-hostile.png") });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("opens the comparison: overlaid charts, differences stated, links to the reports", async () => {
    const { page, problems, requests } = await openPage(browser, pathToFileURL(comparisonHtml).href);
    await expectChartsSized(page, ["reliability", "risk-coverage", "by-attack-family", "by-source"]);
    expect(await page.locator('svg[data-chart="risk-coverage"] .curve').count()).toBe(2);
    // 400 vs 150 examples: the page says the runs are not comparable and marks no best
    expect(await page.getAttribute("p.subtitle", "data-comparable")).toBe("false");
    expect(await page.locator('[data-best="true"]').count()).toBe(0);
    expect(await page.locator('tr[data-facet="Examples"]').count()).toBe(1);
    const accuracy = Number(
      await page.locator('tr[data-run="0"] td[data-metric="accuracy"]').getAttribute("data-value"),
    );
    expect(accuracy).toBe(plain.data.summary.metrics.detection.accuracy);
    const href = await page.locator(".legend a").first().getAttribute("href");
    await page.click(".legend a >> nth=0");
    await page.waitForSelector('body[data-rollouts-ready="true"]');
    expect(page.url()).toBe(pathToFileURL(plain.files.html).href);
    expect(href).toMatch(/report\.html$/);
    await page.goBack();
    await page.screenshot({ path: join(artifacts, "comparison.png"), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("serves the index and reports over eval view's server under its security headers", async () => {
    const server = createOutputsServer({ root });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const { page, problems, requests } = await openPage(browser, base);
      expect(await page.locator("table.runs tbody tr").count()).toBe(2);
      await page.click('a[href$="r1/report.html"]');
      await page.waitForSelector('body[data-rollouts-ready="true"]');
      await expectChartsSized(page, ["reliability"]);
      await page.screenshot({ path: join(artifacts, "view-report.png") });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    } finally {
      server.close();
    }
  });
});
