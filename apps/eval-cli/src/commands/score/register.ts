import type { Command } from "commander";
import { CliError } from "../../cli-error.js";
import { openInput, scoreStream } from "./score-stream.js";

/** `eval score`: JSONL completions in, one JSON score line out per input line. */
export function registerScoreCommand(program: Command): void {
  program
    .command("score")
    .description(
      'Score completions: reads JSONL lines {"completion", "answer"} (stdin or --input), writes one JSON line each',
    )
    .option("-i, --input <file>", "read from FILE instead of stdin")
    .action(async (options: { input?: string }) => {
      const { input, inputName } = openInput(options.input);
      const opened = new Promise<void>((resolve, reject) => {
        if (inputName === "stdin") return resolve();
        input.once("open", () => resolve());
        input.once("error", (error: NodeJS.ErrnoException) =>
          reject(
            new CliError({
              message: `cannot read ${inputName}: ${error.code ?? error.message}`,
              cause: error,
            }),
          ),
        );
      });
      await opened;
      await scoreStream({ input, output: process.stdout, inputName });
    });
}
