import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { systemErrorText } from "@sv/parser";
import { createRubric, type Rubric, type RubricOptions } from "@sv/rubric";
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

const BOM = "\uFEFF";

/** The reader of our output went away (`eval score | head -1`): stop quietly, nothing is wrong. */
export function isBrokenPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED";
}

class BrokenPipe extends Error {}

function write(output: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (output.destroyed) return reject(new BrokenPipe());
    output.write(chunk, (error) =>
      error ? reject(isBrokenPipe(error) ? new BrokenPipe() : error) : resolve(),
    );
  });
}

/**
 * Stream JSONL completions to JSONL scores, one output line per non-blank input line, in order.
 * Output is flushed in chunks; everything before a bad line is written before the error is thrown.
 * A UTF-8 byte-order mark before the first line is skipped. When the output's reader goes away
 * (EPIPE), scoring stops quietly. Returns the number of lines scored.
 */
export async function scoreStream(options: ScoreStreamOptions): Promise<number> {
  const rubric = createRubric(options.rubric);
  const progress = { scored: 0 };
  try {
    await scoreLines(rubric, options, progress);
  } catch (error) {
    if (!(error instanceof BrokenPipe)) throw error;
    options.input.destroy();
  }
  return progress.scored;
}

async function scoreLines(
  rubric: Rubric,
  options: ScoreStreamOptions,
  progress: { scored: number },
): Promise<void> {
  const lines = createInterface({ input: options.input, crlfDelay: Number.POSITIVE_INFINITY });
  let buffer = "";
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber++;
      const line = lineNumber === 1 && raw.startsWith(BOM) ? raw.slice(1) : raw;
      if (line.trim() === "") continue;
      buffer += `${JSON.stringify(scoreLine(rubric, line, lineNumber))}\n`;
      progress.scored++;
      if (buffer.length >= FLUSH_BYTES) {
        await write(options.output, buffer);
        buffer = "";
      }
    }
  } catch (error) {
    if (error instanceof BrokenPipe) throw error;
    if (buffer) await write(options.output, buffer);
    if (error instanceof ScoreInputError) {
      throw new CliError({ message: `${options.inputName}: ${error.message}`, cause: error });
    }
    const unreadable = systemErrorText(error, { path: options.inputName });
    if (unreadable) throw new CliError({ message: unreadable, cause: error });
    throw error;
  }
  if (buffer) await write(options.output, buffer);
}

/** Open `--input FILE`, or stdin. */
export function openInput(path: string | undefined): { input: Readable; inputName: string } {
  if (!path || path === "-") return { input: process.stdin, inputName: "stdin" };
  const input = createReadStream(path);
  return { input, inputName: path };
}
