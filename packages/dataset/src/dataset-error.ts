import { SvError } from "@sv/parser";

/** Codes of {@link DatasetError}. */
export const DATASET_ERROR_CODES = {
  invalidRow: "DATASET_INVALID_ROW",
  notFound: "DATASET_NOT_FOUND",
  hubAuth: "DATASET_HUB_AUTH",
  hubGated: "DATASET_HUB_GATED",
  hubNotFound: "DATASET_HUB_NOT_FOUND",
  hubUnavailable: "DATASET_HUB_UNAVAILABLE",
  invalidOptions: "DATASET_INVALID_OPTIONS",
} as const;

export type DatasetErrorCode = (typeof DATASET_ERROR_CODES)[keyof typeof DATASET_ERROR_CODES];

/** A dataset could not be found, read or trusted. Messages name the file and line where there is one. */
export class DatasetError extends SvError {
  declare readonly code: DatasetErrorCode;

  constructor(options: { code: DatasetErrorCode; message: string; cause?: unknown }) {
    super(options);
    this.name = "DatasetError";
  }
}
