import type { Command } from "commander";
import { CliError } from "../../cli-error.js";
import { parseRubricArgs } from "./rubric-args.js";
import { openInput, scoreStream } from "./score-stream.js";

/** `eval score`: JSONL completions in, one JSON score line out per input line. */
export function registerScoreCommand(program: Command): void {
  program
    .command("score")
    .description(
      'Score completions: reads JSONL lines {"completion", "answer"} (stdin or --input), writes one JSON line each',
    )
    .option("-i, --input <file>", "read from FILE instead of stdin")
    .option(
      "-a, --env-args <json>",
      'rubric options as for `pnpm eval -a`: {"weights": {...}, "costs": {...}}',
    )
    .action(async (options: { input?: string; envArgs?: string }) => {
      const rubric = parseRubricArgs(options.envArgs);
      const { input, inputName } = openInput(options.input);
      const opened = new Promise<void>((resolve, reject) => {
        if (inputName === "stdin") return resolve();
        input.once("open", () => resolve());
        input.once("error", (error: NodeJS.ErrnoException) =>
          reject(
            new CliError({
              message: `cannot read ${inputName}: ${error.code === "EISDIR" ? "it is a directory" : (error.code ?? error.message)}`,
              cause: error,
            }),
          ),
        );
      });
      await opened;
      // A closed pipe (`| head -1`) reaches the write callbacks, where scoreStream stops quietly (bin.ts
      // keeps the stream's own 'error' event from crashing the process).
      await scoreStream({ input, output: process.stdout, inputName, rubric });
    });
}
