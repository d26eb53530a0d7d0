import { redactSecrets, secretValues, suggestCommand } from "@sv/parser";
import { Command } from "commander";
import { registerBuildCommand } from "./commands/build/register.js";
import { registerValidateCommand } from "./commands/validate/register.js";
import { CLI_ERROR_CODES, CliError } from "./cli-error.js";
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

/**
 * `build` takes no positional arguments, so a first word that is close to a command name
 * (`build-data valdiate DIR`) is a typo: fail with the suggestion instead of a build error.
 */
function checkCommandTypo(program: Command, args: readonly string[]): void {
  const first = args[0];
  if (first === undefined || first.startsWith("-")) return;
  const names = program.commands.map((command) => command.name());
  if (names.includes(first) || first === "help") return;
  const suggestion = suggestCommand(first, [...names, "help"]);
  throw new CliError({
    code: CLI_ERROR_CODES.usage,
    exitCode: 2,
    message: `unknown command '${first}'${suggestion ? ` (did you mean ${suggestion}?)` : ` (commands: ${names.join(", ")})`}`,
  });
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
    const program = createProgram({ writeErr: (text) => stderr.write(redactSecrets(text, { secrets })) });
    checkCommandTypo(program, argv.slice(2));
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    return printCliError({ error, stderr, env });
  }
}
