import { SvError } from "@sv/parser";

/** Codes of {@link ReportError}. */
export const REPORT_ERROR_CODES = {
  invalidResultLine: "REPORT_INVALID_RESULT_LINE",
  invalidMetadata: "REPORT_INVALID_METADATA",
  missingRun: "REPORT_MISSING_RUN",
  emptyRun: "REPORT_EMPTY_RUN",
} as const;

export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[keyof typeof REPORT_ERROR_CODES];

/** A run directory that cannot be reported on; the message names the file, line and field. */
export class ReportError extends SvError {
  constructor(options: { code: ReportErrorCode; message: string; cause?: unknown }) {
    super(options);
    this.name = "ReportError";
  }
}
