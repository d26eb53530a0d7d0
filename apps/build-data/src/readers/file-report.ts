import type { ContextOptions, ContextStats } from "../context/context-options.js";
import type { SkipLog } from "../sampling/skip-log.js";
import type { StratifiedSampler } from "../sampling/stratified-sampler.js";

/** What every reader needs: where to read, how to name it, where flows and skips go. */
export interface ReaderContext {
  /** Absolute path to read. */
  path: string;
  /** Path relative to the source root, used in `meta.file` and messages. */
  displayName: string;
  seed: number;
  sampler: StratifiedSampler;
  skips: SkipLog;
  /** Context builds: how much context to keep, and where the file's context counts are added. */
  context?: { options: ContextOptions; stats: ContextStats };
}

/** One input file as the manifest lists it. */
export interface FileReport {
  file: string;
  format: string;
  bytes: number;
  sha256: string;
  /** Data records read (header and comment lines excluded). */
  rows: number;
  /** Records skipped (also counted by reason in the skip log). */
  skipped: number;
}
