import { createHash } from "node:crypto";
import type { BuildMode } from "./dataset-names.js";

/** One file of a build and its content hash. */
export interface BuildRecordFile {
  name: string;
  sha256: string;
  bytes: number;
}

/**
 * `build-v1.json` / `build-test.json`: which files make up one build. Every manifest, the baseline
 * model and the data card carry the same `build_id`, and every file's SHA-256 is listed here, so
 * `validate` can tell a complete build from a mix of two.
 */
export interface BuildRecord {
  format: "sv-e1-build";
  version: 1;
  build_id: string;
  mode: BuildMode;
  seed: number;
  generated_by: "@sv/build-data";
  /** Datasets in this build (`meta.source` names) and their files. */
  datasets: Record<string, string>;
  files: BuildRecordFile[];
  /** Outputs a complete build has but this one lacks (e.g. a refused baseline), in words. */
  incomplete: string[];
}

/** SHA-256 of a file's content, hex. */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

export interface ComputeBuildIdOptions {
  mode: BuildMode;
  seed: number;
  /** Each dataset's file name, its content hash and its manifest section (inputs, options, counts). */
  datasets: readonly { fileName: string; sha256: string; section: unknown }[];
}

/**
 * The build id: 16 hex characters of SHA-256 over the mode, the seed, and each dataset's content hash
 * and manifest section (which names the inputs by SHA-256 and the options used). Deterministic: the
 * same inputs and options give the same id, so rebuilding stays byte-identical.
 */
export function computeBuildId(options: ComputeBuildIdOptions): string {
  const material = JSON.stringify({
    mode: options.mode,
    seed: options.seed,
    datasets: options.datasets.map((entry) => [entry.fileName, entry.sha256, entry.section]),
  });
  return sha256Hex(material).slice(0, 16);
}

/** Whether a parsed JSON value is a {@link BuildRecord}. */
export function isBuildRecord(value: unknown): value is BuildRecord {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Partial<BuildRecord>;
  return (
    record.format === "sv-e1-build" &&
    record.version === 1 &&
    typeof record.build_id === "string" &&
    (record.mode === "full" || record.mode === "test") &&
    typeof record.seed === "number" &&
    Array.isArray(record.files) &&
    record.files.every(
      (file) =>
        typeof file?.name === "string" && typeof file.sha256 === "string" && typeof file.bytes === "number",
    ) &&
    Array.isArray(record.incomplete) &&
    typeof record.datasets === "object" &&
    record.datasets !== null
  );
}
