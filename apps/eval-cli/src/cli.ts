import { Command, CommanderError } from "commander";
import { registerReportCommand } from "./commands/report/register.js";
import { registerViewCommand } from "./commands/view/register.js";
import { CliError } from "./cli-error.js";
import type { EvalIo } from "./commands/evaluate/eval-io.js";
import { type EvalCommandState, registerEvalCommand } from "./commands/evaluate/register.js";
import { registerScoreCommand } from "./commands/score/register.js";

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
    .exitOverride();
  registerEvalCommand(program, () => defaultIo(options.io ?? {}), state);
  registerScoreCommand(program);
  registerReportCommand(program);
  registerViewCommand(program);
  return program;
}

/** Run the CLI; resolves to the process exit code. */
export async function runCli(argv: readonly string[], options: CreateProgramOptions = {}): Promise<number> {
  const state: EvalCommandState = { exitCode: 0 };
  const stderr = options.io?.stderr ?? process.stderr;
  try {
    await createProgram({ ...options, state }).parseAsync([...argv]);
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (CliError.isInstance(error)) {
      stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
