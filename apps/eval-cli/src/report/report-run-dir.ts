import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../run-output/atomic-write.js";
import { renderRunReport } from "./html/render-run-report.js";
import { renderReportMarkdown } from "./markdown/render-report-markdown.js";
import { readResultLines } from "./read-result-lines.js";
import { readRunMetadata } from "./read-run-metadata.js";
import { REPORT_ERROR_CODES, ReportError } from "./report-error.js";
import { ReportCollector, type ReportCollectorOptions } from "./report-collector.js";
import type { RunReportData } from "./run-report-data.js";
import type { RunMetadata } from "./run-metadata.js";
import { RunExtrasCollector } from "./run-extras.js";
import { runTimestamp } from "./run-timestamp.js";
import { summarizeResultLines } from "./summarize-result-lines.js";
import type { ResultLine } from "./result-line.js";

/** Options of {@link reportRunDir}. */
export interface ReportRunDirOptions extends ReportCollectorOptions {
  /** A run directory holding results.jsonl (and usually metadata.json). */
  dir: string;
  /** Compress the embedded rollouts above this many JSON characters (default 1 MB). */
  compressAbove?: number;
  /** The run's metadata when the caller holds it (`pnpm eval`, before writing it); else metadata.json. */
  metadata?: RunMetadata;
}

/** What {@link reportRunDir} wrote. */
export interface ReportRunDirResult {
  data: RunReportData;
  files: { summary: string; markdown: string; html: string };
  htmlBytes: number;
}

/**
 * Regenerate summary.json, report.md and report.html of a run directory from its results.jsonl; a
 * results.jsonl with no rollouts is a {@link ReportError} (`REPORT_EMPTY_RUN`) and nothing is written.
 */
export async function reportRunDir(options: ReportRunDirOptions): Promise<ReportRunDirResult> {
  const resultsPath = join(options.dir, "results.jsonl");
  let resultsStat: Awaited<ReturnType<typeof stat>>;
  try {
    resultsStat = await stat(resultsPath);
  } catch (error) {
    throw new ReportError({
      code: REPORT_ERROR_CODES.missingRun,
      message: `${options.dir}: no results.jsonl (is this a run directory?)`,
      cause: error,
    });
  }
  const metadata = options.metadata ?? (await readRunMetadata({ path: join(options.dir, "metadata.json") }));
  const collector = new ReportCollector(options);
  const extras = new RunExtrasCollector(metadata);
  const lines = readResultLines({ path: resultsPath });
  async function* collected(): AsyncGenerator<ResultLine> {
    for await (const line of lines) {
      collector.add(line);
      extras.add(line);
      yield line;
    }
  }
  // One pass over results.jsonl feeds both the summary (the builder `pnpm eval` uses) and the charts.
  const timestamp = runTimestamp({ metadata, fallback: resultsStat.mtime });
  const summary = {
    ...(await summarizeResultLines({ results: collected(), metadata, timestamp })),
    ...extras.result(),
  };
  if (summary.n_rollouts === 0) {
    // A summary of nothing has no figures (and the original's schema wants n_examples >= 1).
    throw new ReportError({
      code: REPORT_ERROR_CODES.emptyRun,
      message: `${options.dir}: results.jsonl holds no rollouts, so there is nothing to summarise (no summary.json or report written); run it with: pnpm eval --resume ${options.dir}`,
    });
  }
  const data = collector.result({ metadata, summary, judge: extras.judgeStats() });
  const html = renderRunReport({
    data,
    table: collector.table.result(),
    compressAbove: options.compressAbove,
  });
  const files = {
    summary: join(options.dir, "summary.json"),
    markdown: join(options.dir, "report.md"),
    html: join(options.dir, "report.html"),
  };
  await mkdir(options.dir, { recursive: true });
  await writeFileAtomic(files.summary, `${JSON.stringify(data.summary, null, 2)}\n`);
  await writeFileAtomic(files.markdown, renderReportMarkdown({ data }));
  await writeFileAtomic(files.html, html);
  return { data, files, htmlBytes: Buffer.byteLength(html) };
}
