import { relative } from "node:path";
import { CliError } from "../../cli-error.js";
import { ReportError } from "../../report/report-error.js";
import { type ReportRunDirResult, reportRunDir } from "../../report/report-run-dir.js";

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
      if (ReportError.isInstance(error)) throw new CliError({ message: error.message, cause: error });
      throw error;
    }
  }
  return results;
}
