import type { SourceName } from "../readers/source-name.js";

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
