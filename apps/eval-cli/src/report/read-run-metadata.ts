import { readFile } from "node:fs/promises";
import { REPORT_ERROR_CODES, ReportError } from "./report-error.js";
import type { RunMetadata } from "./run-metadata.js";

/** Options of {@link readRunMetadata}. */
export interface ReadRunMetadataOptions {
  /** Path of a `metadata.json`. */
  path: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The report's view of a run's metadata: our `dataset_info` object (the dataset's name, source, split and
 * revision) replaces the plain `dataset` name that metadata.json holds for the original's scripts.
 */
export function normalizeRunMetadata(metadata: RunMetadata): RunMetadata {
  if (!isObject(metadata.dataset_info)) return metadata;
  return { ...metadata, dataset: metadata.dataset_info };
}

/** Read a run's `metadata.json`; a missing file gives `{}` (old runs), a malformed one a {@link ReportError}. */
export async function readRunMetadata(options: ReadRunMetadataOptions): Promise<RunMetadata> {
  let text: string;
  try {
    text = await readFile(options.path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReportError({
      code: REPORT_ERROR_CODES.invalidMetadata,
      message: `${options.path}: not valid JSON (${(error as Error).message})`,
      cause: error,
    });
  }
  if (!isObject(value)) {
    throw new ReportError({
      code: REPORT_ERROR_CODES.invalidMetadata,
      message: `${options.path}: expected a JSON object`,
    });
  }
  return normalizeRunMetadata(value as RunMetadata);
}
