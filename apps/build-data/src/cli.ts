import { redactSecrets, secretValues } from "@sv/parser";
import { Command } from "commander";
import { registerBuildCommand } from "./commands/build/register.js";
import { registerValidateCommand } from "./commands/validate/register.js";
import { printCliError } from "./print-cli-error.js";

/** Options of {@link createProgram}. */
export interface CreateProgramOptions {
  /** Where commander writes its usage errors (default stderr). */
  writeErr?: (text: string) => void;
}

/** Build the `build-data` program. Each command registers itself from its own folder. */
export function createProgram(options: CreateProgramOptions = {}): Command {
  const program = new Command("build-data")
    .description("Build E1 datasets from raw IoT-23, CIC-IDS-2017 and UNSW-NB15 captures, and validate them.")
    .showHelpAfterError()
    .exitOverride();
  if (options.writeErr) program.configureOutput({ writeErr: options.writeErr });
  registerBuildCommand(program);
  registerValidateCommand(program);
  // `build` is the default command, so `build-data --help` shows its flags too.
  const build = program.commands.find((command) => command.name() === "build");
  if (build) program.addHelpText("after", () => `\nThe default command, build:\n${build.helpInformation()}`);
  return program;
}

/** Options of {@link runCli} (tests inject the streams and environment). */
export interface RunCliOptions {
  stderr?: { write(text: string): unknown };
  env?: Readonly<Record<string, string | undefined>>;
}

/** Run the CLI; resolves to the process exit code. Errors are one redacted line on stderr. */
export async function runCli(argv: readonly string[], options: RunCliOptions = {}): Promise<number> {
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const secrets = secretValues({ env });
  try {
    await createProgram({ writeErr: (text) => stderr.write(redactSecrets(text, { secrets })) }).parseAsync([
      ...argv,
    ]);
    return 0;
  } catch (error) {
    return printCliError({ error, stderr, env });
  }
}
