import { EnvError, parseEnvironmentOptions } from "@sv/env";
import { createRubric, RubricError, type RubricOptions } from "@sv/rubric";
import { CliError } from "../../cli-error.js";

const RUBRIC_KEYS = new Set(["weights", "costs"]);

function fail(message: string, cause?: unknown): never {
  throw new CliError({ exitCode: 2, message: `-a/--env-args: ${message.replace(/\s*\n\s*/g, "; ")}`, cause });
}

/**
 * The rubric options of `eval score -a JSON`, read exactly as `pnpm eval -a` reads them (the same
 * environment-option validation, snake_case names included), then checked by the rubric. Keys that are
 * unknown, or known but not about scoring (a dataset option), are an error naming them.
 */
export function parseRubricArgs(text: string | undefined): RubricOptions | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(`not valid JSON (${(error as Error).message})`, error);
  }
  let options: Record<string, unknown>;
  try {
    options = parseEnvironmentOptions(value) as Record<string, unknown>;
  } catch (error) {
    if (EnvError.isInstance(error))
      fail(`${error.message}; eval score uses only "weights" and "costs"`, error);
    throw error;
  }
  const other = Object.keys(options).filter((key) => !RUBRIC_KEYS.has(key));
  if (other.length > 0) {
    fail(`eval score uses only "weights" and "costs"; not ${other.map((key) => `"${key}"`).join(", ")}`);
  }
  const rubric: RubricOptions = {
    weights: options.weights as RubricOptions["weights"],
    costs: options.costs as RubricOptions["costs"],
  };
  try {
    createRubric(rubric);
  } catch (error) {
    if (RubricError.isInstance(error)) fail(error.message, error);
    throw error;
  }
  return rubric;
}
