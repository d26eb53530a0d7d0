import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { createRubric, type RubricOptions } from "@sv/rubric";
import { CliError } from "../../cli-error.js";
import { ScoreInputError, scoreLine } from "./score-lines.js";

export interface ScoreStreamOptions {
  input: Readable;
  output: Writable;
  /** Name of the input in error messages (a path, or "stdin"). */
  inputName: string;
  rubric?: RubricOptions;
}

const FLUSH_BYTES = 64 * 1024;

function write(output: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    output.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Stream JSONL completions to JSONL scores, one output line per non-blank input line, in order.
 * Output is flushed in chunks; everything before a bad line is written before the error is thrown.
 * Returns the number of lines scored.
 */
export async function scoreStream(options: ScoreStreamOptions): Promise<number> {
  const rubric = createRubric(options.rubric);
  const lines = createInterface({ input: options.input, crlfDelay: Number.POSITIVE_INFINITY });
  let buffer = "";
  let lineNumber = 0;
  let scored = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === "") continue;
      buffer += `${JSON.stringify(scoreLine(rubric, line, lineNumber))}\n`;
      scored++;
      if (buffer.length >= FLUSH_BYTES) {
        await write(options.output, buffer);
        buffer = "";
      }
    }
  } catch (error) {
    if (buffer) await write(options.output, buffer);
    if (error instanceof ScoreInputError) {
      throw new CliError({ message: `${options.inputName}: ${error.message}`, cause: error });
    }
    throw error;
  }
  if (buffer) await write(options.output, buffer);
  return scored;
}

/** Open `--input FILE`, or stdin. */
export function openInput(path: string | undefined): { input: Readable; inputName: string } {
  if (!path || path === "-") return { input: process.stdin, inputName: "stdin" };
  const input = createReadStream(path);
  return { input, inputName: path };
}
