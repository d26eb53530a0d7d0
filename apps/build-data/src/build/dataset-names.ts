import { SOURCE_NAMES, type SourceName } from "../readers/source-name.js";

/** `full` builds the published sizes; `test` builds tiny files for tests (the original's test mode). */
export type BuildMode = "full" | "test";

/** Output file names, `-v1` (full) or `-test` (test mode), as the original names them. */
export function datasetFileName(source: SourceName, mode: BuildMode): string {
  const suffix = mode === "test" ? "test" : "v1";
  if (source === "iot23") return `iot23-train-dev-test-${suffix}.jsonl`;
  if (source === "cic") return `cic-ids-2017-ood-${suffix}.jsonl`;
  return `unsw-nb15-ood-${suffix}.jsonl`;
}

/** `sampling-iot23-*.json` for IoT-23, `sampling-e1-ood-*.json` for the two out-of-distribution sets. */
export function manifestFileName(kind: "iot23" | "ood", mode: BuildMode): string {
  const suffix = mode === "test" ? "test" : "v1";
  return kind === "iot23" ? `sampling-iot23-${suffix}.json` : `sampling-e1-ood-${suffix}.json`;
}

/** The trained baseline model's file name. */
export function baselineFileName(mode: BuildMode): string {
  return mode === "test" ? "baseline-learned-test.json" : "baseline-learned-v1.json";
}

/** The data card: `DATA_CARD.md` (full) or `DATA_CARD-test.md`, so a test build can sit beside a full one. */
export function dataCardFileName(mode: BuildMode): string {
  return mode === "test" ? "DATA_CARD-test.md" : "DATA_CARD.md";
}

/** The build record (`build-v1.json` / `build-test.json`): build id and every file's SHA-256. */
export function buildRecordFileName(mode: BuildMode): string {
  return mode === "test" ? "build-test.json" : "build-v1.json";
}

/** Every file a build of this mode can write, the record last. */
export function buildOutputNames(mode: BuildMode): string[] {
  return [
    ...SOURCE_NAMES.map((source) => datasetFileName(source, mode)),
    manifestFileName("iot23", mode),
    manifestFileName("ood", mode),
    baselineFileName(mode),
    dataCardFileName(mode),
    buildRecordFileName(mode),
  ];
}
