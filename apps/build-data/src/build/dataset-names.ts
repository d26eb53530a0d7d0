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

/** A source's context dataset file (`--context K`): `iot23-context-v1.jsonl`, `*-context-ood-v1.jsonl`. */
export function contextFileName(source: SourceName, mode: BuildMode): string {
  const suffix = mode === "test" ? "test" : "v1";
  if (source === "iot23") return `iot23-context-${suffix}.jsonl`;
  if (source === "cic") return `cic-ids-2017-context-ood-${suffix}.jsonl`;
  return `unsw-nb15-context-ood-${suffix}.jsonl`;
}

/** The context manifest (`sampling-context-v1.json`): the context options and each context set's section. */
export function contextManifestFileName(mode: BuildMode): string {
  return mode === "test" ? "sampling-context-test.json" : "sampling-context-v1.json";
}

/** The learned baseline trained on the IoT-23 context set (with context features). */
export function contextBaselineFileName(mode: BuildMode): string {
  return mode === "test" ? "baseline-learned-context-test.json" : "baseline-learned-context-v1.json";
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
    ...SOURCE_NAMES.map((source) => contextFileName(source, mode)),
    manifestFileName("iot23", mode),
    manifestFileName("ood", mode),
    contextManifestFileName(mode),
    baselineFileName(mode),
    contextBaselineFileName(mode),
    dataCardFileName(mode),
    buildRecordFileName(mode),
  ];
}
