import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "smol-toml";
import { CliError } from "../../cli-error.js";
import { mapOriginalTables, ORIGINAL_TABLES, ORIGINAL_TOP_LEVEL_KEYS } from "./original-config-tables.js";

/** Options of {@link loadConfigFile}. */
export interface LoadConfigFileOptions {
  path: string;
  cwd: string;
  /** Option attribute names (camelCase) the file may set: the long flags. */
  knownOptions: readonly string[];
}

type Json = Record<string, unknown>;

/** `max-concurrent`, `max_concurrent` and `maxConcurrent` all name the option `maxConcurrent`. */
const camelCase = (key: string) =>
  key.replace(/[-_]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** A value as commander would hand it over: lists of models joined, JSON options as JSON text. */
function asFlagValue(option: string, value: unknown): unknown {
  if (option === "model" && Array.isArray(value)) return value.join(",");
  if ((option === "samplingArgs" || option === "envArgs") && value !== null && typeof value === "object") {
    return JSON.stringify(value);
  }
  return value;
}

/**
 * Read an `eval.toml` (`-C FILE`): top-level keys are the long flags (kebab or snake case, as
 * `max-concurrent = 8`, `sampling-args = {temperature = 0}`), and the original's `[eval]`, `[model]`, … tables
 * are mapped where they have a meaning here. Unknown or unmappable keys are an error naming all of them.
 * Returns option values by attribute name (and `envId` when the file names an environment).
 */
export function loadConfigFile(options: LoadConfigFileOptions): Json {
  const path = resolve(options.cwd, options.path);
  let document: Json;
  try {
    document = parse(readFileSync(path, "utf8")) as Json;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new CliError({ exitCode: 2, message: `-C ${options.path}: ${reason.split("\n")[0]}` });
  }
  const known = new Set(options.knownOptions);
  const values: Json = {};
  const problems: string[] = [];
  const original: Json = {};
  for (const [key, value] of Object.entries(document)) {
    const isTable = value !== null && typeof value === "object" && !Array.isArray(value);
    // `model = "gpt-4.1-mini"` is the flag; `[model]` with `id = ...` is the original's table.
    if ((ORIGINAL_TABLES as readonly string[]).includes(key) && isTable) {
      original[key] = value;
      continue;
    }
    const named = camelCase(key);
    const option = Object.hasOwn(ORIGINAL_TOP_LEVEL_KEYS, named) ? ORIGINAL_TOP_LEVEL_KEYS[named]! : named;
    if (option === "envId" || option === "environment") values.envId = value;
    else if (known.has(option)) values[option] = asFlagValue(option, value);
    else problems.push(`${key}: unknown key`);
  }
  const mapped = mapOriginalTables(original);
  problems.push(...mapped.problems);
  for (const [option, value] of Object.entries(mapped.values)) {
    values[option] ??= asFlagValue(option, value);
  }
  if (problems.length > 0) {
    throw new CliError({ exitCode: 2, message: `${options.path}: ${problems.join("; ")}` });
  }
  return values;
}
