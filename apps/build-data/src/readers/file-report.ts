import type { Flow } from "@sv/dataset";
import type { ContextOptions, ContextStats } from "../context/context-options.js";
import type { SkipLog } from "../sampling/skip-log.js";
import type { StratifiedSampler } from "../sampling/stratified-sampler.js";
import type { ScenarioSource } from "./iot23-scenario.js";

/** What every reader needs: where to read, how to name it, where flows and skips go. */
export interface ReaderContext {
  /** Absolute path to read. */
  path: string;
  /** Path relative to the source root, used in `meta.file` and messages. */
  displayName: string;
  seed: number;
  sampler: StratifiedSampler;
  skips: SkipLog;
  /**
   * `--flow-index`: called with every flow read (before sampling; label and family are never passed),
   * so the multi-turn tools can look up a flow's neighbours.
   */
  indexFlow?: (scenario: string, flow: Flow, line: number) => void;
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
  /**
   * Text files: lines that are not valid UTF-8. They are kept (a bad byte reads as U+FFFD; a record
   * that would show one in its question is skipped when it reaches the sample); absent for Parquet.
   */
  invalid_utf8_lines?: number;
  /** `file:line` of the first such line. */
  first_invalid_utf8?: string;
  /** IoT-23: the scenario (capture) of the file's flows. */
  scenario?: string;
  /** IoT-23: where the scenario came from; `fallback` = no capture name found (named after a folder or the file). */
  scenario_from?: ScenarioSource;
  /** What was unusual about the file itself (a byte order mark, compression that does not match the name). */
  notes?: string[];
}
