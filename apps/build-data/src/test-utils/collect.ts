import type { InputFile } from "../io/find-input-files.js";
import type { AttemptedPolicy } from "../readers/cic-mapper.js";
import type { FileReport } from "../readers/file-report.js";
import { readSourceFile } from "../readers/read-source-file.js";
import type { SourceName } from "../readers/source-name.js";
import type { Candidate } from "../sampling/candidate.js";
import { SkipLog } from "../sampling/skip-log.js";
import { StratifiedSampler } from "../sampling/stratified-sampler.js";

export interface Collected {
  reports: FileReport[];
  candidates: Candidate[];
  skips: SkipLog;
  sampler: StratifiedSampler;
}

/** Read files with a reservoir big enough to keep every distinct flow. */
export async function collect(
  source: SourceName,
  files: InputFile[],
  options: { seed?: number; attempted?: AttemptedPolicy; capacity?: number } = {},
): Promise<Collected> {
  const sampler = new StratifiedSampler({ capacity: options.capacity ?? 1_000_000 });
  const skips = new SkipLog();
  const reports: FileReport[] = [];
  for (const file of files) {
    reports.push(
      await readSourceFile({
        source,
        file,
        seed: options.seed ?? 42,
        sampler,
        skips,
        attempted: options.attempted ?? "exclude",
      }),
    );
  }
  const candidates = sampler.all().flatMap((stratum) => stratum.reservoir.sorted());
  return { reports, candidates, skips, sampler };
}
