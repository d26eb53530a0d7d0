export { CliError } from "./cli-error.js";
export { type CreateProgramOptions, createProgram, runCli } from "./cli.js";
export type { EvalIo } from "./commands/evaluate/eval-io.js";
export { type ScoreLine, ScoreInputError, scoreLine } from "./commands/score/score-lines.js";
export { type ScoreStreamOptions, scoreStream } from "./commands/score/score-stream.js";
export { toJsonText, writeFileAtomic } from "./run-output/atomic-write.js";
export { type ReportRunDirOptions, type ReportRunDirResult, reportRunDir } from "./report/report-run-dir.js";
export { type BuildSummaryOptions, buildSummary, type RunSummary } from "./run-output/build-summary.js";
export { type InvalidResultLine, type ReadResultsOptions, readResults } from "./run-output/read-results.js";
export { openResultsWriter, type ResultsWriter } from "./run-output/results-writer.js";
export { type RunMetadata, redactUrl } from "./run-output/run-metadata.js";
export { type ErrorData, normalizeRolloutError, toErrorData } from "./run-output/error-data.js";
export { METRIC_COLUMNS, type MetricColumn, type MetricColumns } from "./run-output/metric-columns.js";
export { type ResultRow, toResultRow } from "./run-output/result-row.js";
export { type RunAverages, RunAveragesAccumulator } from "./run-output/run-averages.js";
export {
  modelDirName,
  modelRunsDirectory,
  type RunDirectoryOptions,
  runDirectory,
  runFiles,
} from "./run-output/run-paths.js";
