import { SvError } from "@sv/parser";

/** An error the CLI reports as one clean line on stderr, with its exit code. */
export class CliError extends SvError {
  readonly exitCode: number;

  constructor(options: { message: string; exitCode?: number; cause?: unknown; code?: string }) {
    super({ code: options.code ?? "CLI_ERROR", message: options.message, cause: options.cause });
    this.name = "CliError";
    this.exitCode = options.exitCode ?? 1;
  }

  static override isInstance(error: unknown): error is CliError {
    return SvError.isInstance(error) && typeof (error as CliError).exitCode === "number";
  }
}
