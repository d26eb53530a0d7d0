import { Command, CommanderError } from "commander";
import { registerReportCommand } from "./commands/report/register.js";
import { registerScoreCommand } from "./commands/score/register.js";
import { registerViewCommand } from "./commands/view/register.js";
import { CliError } from "./cli-error.js";

/** Build the `eval` program. Each command registers itself from its own folder. */
export function createProgram(): Command {
  const program = new Command("eval")
    .description("Evaluate models on E1 (network-log anomaly detection), score completions, write reports.")
    .showHelpAfterError()
    .exitOverride();
  registerScoreCommand(program);
  registerReportCommand(program);
  registerViewCommand(program);
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
