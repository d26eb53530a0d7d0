import { Command, CommanderError } from "commander";
import { CliError } from "./cli-error.js";
import { registerBuildCommand } from "./commands/build/register.js";
import { registerValidateCommand } from "./commands/validate/register.js";

/** Build the `build-data` program. Each command registers itself from its own folder. */
export function createProgram(): Command {
  const program = new Command("build-data")
    .description("Build E1 datasets from raw IoT-23, CIC-IDS-2017 and UNSW-NB15 captures, and validate them.")
    .showHelpAfterError()
    .exitOverride();
  registerBuildCommand(program);
  registerValidateCommand(program);
  return program;
}

/** Run the CLI; resolves to the process exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (CliError.isInstance(error)) {
      process.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
