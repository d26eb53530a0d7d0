import { createFlowIndexWriter, type Flow, toIndexedFlow } from "@sv/dataset";
import { type ContextOptions, emptyContextStats } from "../context/context-options.js";
import { errnoCode, fileSystemError } from "../io/file-system-error.js";
import type { InputFile } from "../io/find-input-files.js";
import type { AttemptedPolicy } from "../readers/cic-mapper.js";
import { UnrecognisedLayout } from "../readers/csv-reader.js";
import { readSourceFile } from "../readers/read-source-file.js";
import type { SourceName } from "../readers/source-name.js";
import { type FileSample, snapshotStrata } from "../sampling/file-sample.js";
import { SkipLog } from "../sampling/skip-log.js";
import { StratifiedSampler } from "../sampling/stratified-sampler.js";

/** One file to read: plain data, so it can be posted to a worker thread. */
export interface FileSampleJob {
  source: SourceName;
  file: InputFile;
  seed: number;
  /** Reservoir size of each stratum. */
  capacity: number;
  attempted: AttemptedPolicy;
  /** `--flow-index`: write every flow of the file to this part index (merged in file order later). */
  flowIndexPart?: string;
  /** Context builds: keep each originator's recent flows and attach them to the candidates. */
  context?: ContextOptions;
}

/** A file's sample, or why the file was not read (its layout matched nothing known). */
export type FileSampleResult = { sample: FileSample } | { ignored: string };

/**
 * Read one file into a fresh sampler and skip log. The result depends only on the file, the seed and
 * the capacity, never on other files or on which thread runs it: that is what makes parallel reads
 * byte-identical to sequential ones. A file the file system refuses fails with a {@link CliError}
 * naming it.
 */
export async function readFileSample(job: FileSampleJob): Promise<FileSampleResult> {
  const sampler = new StratifiedSampler({ capacity: job.capacity });
  const skips = new SkipLog();
  const started = performance.now();
  const part = job.flowIndexPart ? createFlowIndexWriter({ path: job.flowIndexPart }) : undefined;
  const file = job.file.displayName;
  const indexFlow = part
    ? (capture: string, flow: Flow, line: number) => {
        const indexed = toIndexedFlow({ capture, flow, file, line });
        if (indexed) part.add(indexed);
      }
    : undefined;
  const context = job.context ? { options: job.context, stats: emptyContextStats() } : undefined;
  try {
    const report = await readSourceFile({
      ...(indexFlow ? { indexFlow } : {}),
      source: job.source,
      file: job.file,
      seed: job.seed,
      sampler,
      skips,
      attempted: job.attempted,
      ...(context ? { context } : {}),
    });
    part?.close();
    const seconds = (performance.now() - started) / 1000;
    return {
      sample: {
        report,
        seconds,
        strata: snapshotStrata(sampler),
        skips: skips.toJSON(),
        ...(context ? { context: context.stats } : {}),
      },
    };
  } catch (error) {
    part?.abort();
    if (error instanceof UnrecognisedLayout)
      return { ignored: error.message.slice(job.file.displayName.length + 2) };
    // EACCES, EISDIR, a file removed since it was listed: one line naming the file, never a stack trace.
    if (errnoCode(error) !== undefined)
      throw fileSystemError({ error, path: job.file.path, action: "cannot read" });
    throw error;
  }
}
