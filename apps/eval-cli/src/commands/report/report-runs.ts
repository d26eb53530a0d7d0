import { join, relative } from "node:path";
import { CliError } from "../../cli-error.js";
import { REPORT_ERROR_CODES, ReportError } from "../../report/report-error.js";
import { type ReportRunDirResult, reportRunDir } from "../../report/report-run-dir.js";
import { endsWithTornLine, lastLineNumber } from "../../run-output/torn-tail.js";

/** Options of {@link reportRuns}. */
export interface ReportRunsOptions {
  dirs: string[];
  seed?: number;
  resamples?: number;
  maxTextChars?: number;
  /** Progress lines (one per run). */
  log: (line: string) => void;
  /** Clock for the timings in the progress lines. */
  now?: () => number;
}

const shown = (path: string) => {
  const near = relative(process.cwd(), path);
  return near.startsWith("..") || near === "" ? path : near;
};
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/** A bad line at the end of a killed run's results.jsonl is the torn last write: say how to finish the run. */
function explain(error: ReportError, dir: string): string {
  const results = join(dir, "results.jsonl");
  if (error.code !== REPORT_ERROR_CODES.invalidResultLine || !endsWithTornLine(results)) return error.message;
  const line = /\bline (\d+)\b/.exec(error.message)?.[1];
  if (line !== undefined && Number(line) !== lastLineNumber(results)) return error.message;
  return (
    `${error.message}. The last line of ${shown(join(dir, "results.jsonl"))} is torn (the run was stopped in the ` +
    `middle of a write): finish the run with \`pnpm eval --resume ${shown(dir)}\`, which trims it, then report again`
  );
}

/** Regenerate every run directory's reports, one at a time; keeps only the small chart data of each. */
export async function reportRuns(options: ReportRunsOptions): Promise<ReportRunDirResult[]> {
  const now = options.now ?? Date.now;
  const results: ReportRunDirResult[] = [];
  for (const dir of options.dirs) {
    const started = now();
    try {
      const result = await reportRunDir({
        dir,
        seed: options.seed,
        resamples: options.resamples,
        maxTextChars: options.maxTextChars,
      });
      results.push(result);
      options.log(
        `${shown(result.files.html)}: ${result.data.summary.n_rollouts} rollouts, ${megabytes(result.htmlBytes)}, ${now() - started} ms`,
      );
    } catch (error) {
      if (ReportError.isInstance(error)) throw new CliError({ message: explain(error, dir), cause: error });
      throw error;
    }
  }
  return results;
}
