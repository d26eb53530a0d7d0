import { statSync } from "node:fs";
import type { Command } from "commander";
import { CLI_ERROR_CODES, CliError } from "../../cli-error.js";
import { validateDir } from "../../validate/validate-dir.js";

/** A missing folder, or a file, is a wrong argument: say so instead of "0 dataset files found". */
function requireDirectory(dir: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    throw new CliError({
      code: CLI_ERROR_CODES.usage,
      exitCode: 2,
      message: `validate: ${dir}: no such folder`,
    });
  }
  if (!isDirectory) {
    throw new CliError({
      code: CLI_ERROR_CODES.usage,
      exitCode: 2,
      message: `validate: ${dir} is a file; give the folder build-data wrote (--out)`,
    });
  }
}

/** `build-data validate DIR`: check a built directory; exits non-zero on any failure. */
export function registerValidateCommand(program: Command): void {
  program
    .command("validate")
    .description("Check a built directory (schema, dedup, hashes, splits, manifests); exit 1 on any failure")
    .argument("<dir>", "directory written by build-data")
    .action(async (dir: string) => {
      requireDirectory(dir);
      const checks = await validateDir({ dir });
      for (const check of checks) {
        process.stdout.write(
          `${check.ok ? "ok  " : "FAIL"} ${check.name}${check.detail ? `: ${check.detail}` : ""}\n`,
        );
      }
      const failed = checks.filter((check) => !check.ok);
      if (failed.length > 0) {
        throw new CliError({
          code: CLI_ERROR_CODES.validation,
          message: `${failed.length} of ${checks.length} checks failed in ${dir}`,
        });
      }
      process.stdout.write(`all ${checks.length} checks passed\n`);
    });
}
