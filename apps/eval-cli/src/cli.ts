import { suggestCommand } from "@sv/parser";
import { Command } from "commander";
import { registerCacheCommand } from "./commands/cache/register.js";
import { registerReportCommand } from "./commands/report/register.js";
import { registerViewCommand } from "./commands/view/register.js";
import { CliError } from "./cli-error.js";
import type { EvalIo } from "./commands/evaluate/eval-io.js";
import { type EvalCommandState, registerEvalCommand } from "./commands/evaluate/register.js";
import { registerScoreCommand } from "./commands/score/register.js";
import { printCliError, redactForCli } from "./print-cli-error.js";

export interface CreateProgramOptions {
  /** Overrides of the evaluation's I/O (tests inject streams, env, clocks, sleeps). */
  io?: Partial<EvalIo>;
  /** Receives the evaluation's exit code. */
  state?: EvalCommandState;
}

function defaultIo(overrides: Partial<EvalIo>): EvalIo {
  return {
    cwd: process.cwd(),
    env: { ...process.env },
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: () => process.stderr.columns,
    ...overrides,
  };
}

/**
 * Build the `eval` program: the default command evaluates models; subcommands register themselves
 * from their own folders.
 */
export function createProgram(options: CreateProgramOptions = {}): Command {
  const state = options.state ?? { exitCode: 0 };
  const program = new Command("eval")
    .description(
      "Evaluate models on E1 (network-log anomaly detection), score completions, write reports.\n" +
        "With no API key and no --api-base-url, evaluates the offline baseline/heuristic.",
    )
    .showHelpAfterError()
    // Commander's own usage errors go to the same (redacted, injectable) stderr as ours.
    .configureOutput({ writeErr: (text) => (options.io?.stderr ?? process.stderr).write(text) })
    // A subcommand's own options (`eval score -a …`) are its own, not the default command's.
    .enablePositionalOptions()
    .exitOverride();
  registerEvalCommand(program, () => defaultIo(options.io ?? {}), state);
  registerScoreCommand(program);
  registerCacheCommand(program, () => defaultIo(options.io ?? {}));
  registerReportCommand(program);
  registerViewCommand(program);
  return program;
}

/**
 * A first word that is not a subcommand but close to one (`eval reprot`) is a typo, not an operand of
 * the default command: fail with the suggestion.
 */
function checkSubcommandTypo(program: Command, args: readonly string[]): void {
  const first = args[0];
  if (first === undefined || first.startsWith("-")) return;
  const names = program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
  if (names.includes(first) || first === "help") return;
  const suggestion = suggestCommand(first, [...names, "help"]);
  if (suggestion) {
    throw new CliError({ exitCode: 2, message: `unknown command '${first}' (did you mean ${suggestion}?)` });
  }
}

/** Run the CLI; resolves to the process exit code. */
export async function runCli(argv: readonly string[], options: CreateProgramOptions = {}): Promise<number> {
  const state: EvalCommandState = { exitCode: 0 };
  // One io for the run, so secrets loaded from `.env` into its env are masked too; every stderr line
  // (notes, the dataset line, warnings, failed rollouts, errors) goes through the one redaction.
  const base = defaultIo(options.io ?? {});
  const args = argv.slice(2);
  const io: EvalIo = {
    ...base,
    stderr: { write: (text: string) => base.stderr.write(redactForCli(text, base.env, args)) },
  };
  try {
    const program = createProgram({ ...options, io, state });
    checkSubcommandTypo(program, args);
    await program.parseAsync([...argv]);
    return state.exitCode;
  } catch (error) {
    return printCliError({ error, stderr: io.stderr, env: io.env, args });
  }
}
