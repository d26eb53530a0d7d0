import { SvError } from "@sv/parser";

/** Codes of {@link CliError}. */
export const CLI_ERROR_CODES = {
  usage: "BUILD_DATA_USAGE",
  noInput: "BUILD_DATA_NO_INPUT",
  nothingUsable: "BUILD_DATA_NOTHING_USABLE",
  hubOffline: "BUILD_DATA_HUB_OFFLINE",
  hub: "BUILD_DATA_HUB",
  validation: "BUILD_DATA_VALIDATION_FAILED",
  partialRebuild: "BUILD_DATA_PARTIAL_REBUILD",
  busy: "BUILD_DATA_OUT_BUSY",
  install: "BUILD_DATA_INSTALL",
} as const;

export type CliErrorCode = (typeof CLI_ERROR_CODES)[keyof typeof CLI_ERROR_CODES];

/** An error the CLI reports as one clean line on stderr, with its exit code. */
export class CliError extends SvError {
  readonly exitCode: number;

  constructor(options: { message: string; code: CliErrorCode; exitCode?: number; cause?: unknown }) {
    super({ code: options.code, message: options.message, cause: options.cause });
    this.name = "CliError";
    this.exitCode = options.exitCode ?? 1;
  }

  static override isInstance(error: unknown): error is CliError {
    return SvError.isInstance(error) && typeof (error as CliError).exitCode === "number";
  }
}
