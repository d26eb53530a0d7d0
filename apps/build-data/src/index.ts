export {
  type BaselinePrediction,
  type BaselineScore,
  type EvaluateBaselineOptions,
  evaluateBaseline,
  heuristicPredictor,
  learnedPredictor,
} from "./baseline/evaluate-baseline.js";
export { type TrainLearnedOptions, trainLearned } from "./baseline/train-learned.js";
export {
  type BuildSourceOptions,
  type BuiltSource,
  buildSource,
  type SourceManifest,
} from "./build/build-source.js";
export type { DatasetRow } from "./build/dataset-row.js";
export { type RunBuildOptions, type RunBuildResult, runBuild } from "./build/run-build.js";
export { type FieldAudit, type ShortcutAuditOptions, shortcutAudit } from "./card/shortcut-audit.js";
export { createProgram, runCli } from "./cli.js";
export { CLI_ERROR_CODES, CliError, type CliErrorCode } from "./cli-error.js";
export { type DownloadHubDatasetOptions, downloadHubDataset } from "./hub/download-hub-dataset.js";
export { DEFAULT_HUB_REPOS, type HubOptions } from "./hub/hub-options.js";
export { type PushToHubOptions, pushToHub } from "./hub/push-to-hub.js";
export { type ScanLinesOptions, type ScanLinesResult, scanLines } from "./io/scan-lines.js";
export { SOURCE_NAMES, type SourceName } from "./readers/source-name.js";
export { type ValidateDirOptions, type ValidationCheck, validateDir } from "./validate/validate-dir.js";
export { type BuildRecord, type BuildRecordFile, computeBuildId } from "./build/build-record.js";
export { type MajorityScore, majorityScores } from "./baseline/majority-class.js";
export { type FitPlattOptions, fitPlatt, type PlattFit } from "./baseline/platt.js";
