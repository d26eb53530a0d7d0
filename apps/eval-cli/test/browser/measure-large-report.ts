/**
 * Measures report generation and browsing on a large run (not a unit test):
 *   node --conditions=@sv/source --import tsx apps/eval-cli/test/browser/measure-large-report.ts [ROLLOUTS]
 * Prints one JSON object: generation time, report.html size, peak memory, and (with chromium) the
 * time until the rollout table is ready and how long a filter and a page turn take.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { reportRunDir } from "../../src/report/report-run-dir.js";
import { writeFakeRun } from "./fake-run.js";
import { browserSkipReason, launchChromium } from "./launch-chromium.js";

const rollouts = Number(process.argv[2] ?? 100_000);
const dir = join(await mkdtemp(join(tmpdir(), "sv-large-")), "run");
await writeFakeRun({ dir, seed: 1, examples: rollouts, verbose: true });
const resultsBytes = (await stat(join(dir, "results.jsonl"))).size;
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const started = performance.now();
const result = await reportRunDir({ dir });
const generationMs = Math.round(performance.now() - started);
clearInterval(sampler);
const measured: Record<string, unknown> = {
  rollouts,
  resultsMB: +(resultsBytes / 1e6).toFixed(1),
  reportHtmlMB: +(result.htmlBytes / 1e6).toFixed(2),
  generationMs,
  peakRssMB: Math.round(peak / 1e6),
  bootstrapResamples: result.data.bootstrap.resamples,
};
if (browserSkipReason) measured.browser = browserSkipReason;
else {
  const browser = await launchChromium();
  const page = await browser.newPage();
  const opened = performance.now();
  await page.goto(pathToFileURL(result.files.html).href);
  measured.domContentLoadedMs = Math.round(performance.now() - opened);
  await page.waitForSelector('body[data-rollouts-ready="true"]', { timeout: 120_000 });
  measured.tableReadyMs = Math.round(performance.now() - opened);
  const filterStarted = performance.now();
  await page.selectOption("#rollout-filter", { label: "Missed attack" });
  await page.waitForFunction(
    `!document.getElementById("rollout-status").textContent.startsWith("${rollouts} of")`,
  );
  measured.filterMs = Math.round(performance.now() - filterStarted);
  const pageStarted = performance.now();
  await page.click("#rollout-next");
  await page.waitForFunction(`document.getElementById("rollout-status").textContent.includes("page 2 of")`);
  measured.pageTurnMs = Math.round(performance.now() - pageStarted);
  const metrics = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize,
  );
  if (metrics) measured.pageHeapMB = Math.round(metrics / 1e6);
  await browser.close();
}
await rm(dirname(dir), { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(measured, null, 2)}\n`);
