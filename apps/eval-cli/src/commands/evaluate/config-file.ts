import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "smol-toml";
import { CliError } from "../../cli-error.js";
import { configValueProblem, configValueType, type DeclaredOption } from "./config-value-type.js";
import { mapOriginalTables, ORIGINAL_TABLES, ORIGINAL_TOP_LEVEL_KEYS } from "./original-config-tables.js";

/** Options of {@link loadConfigFile}. */
export interface LoadConfigFileOptions {
  path: string;
  cwd: string;
  /** The long flags the file may set, as commander declares them (camelCase attribute names). */
  knownOptions: readonly ConfigOption[];
}

/** A long flag as a config file sees it. */
export interface ConfigOption extends DeclaredOption {
  /** Has a `--no-…` form (`--no-cache`): the key `no-cache = true` sets it to false. */
  negatable?: boolean;
  /** Not type-checked here (hidden vf-eval flags, refused later with what to use instead). */
  unchecked?: boolean;
}

/** What a config file sets. */
export interface ConfigFileValues {
  /** Option values by attribute name, as commander would hand them over. */
  values: Json;
  /** The environment the file names, if any. */
  envId?: unknown;
  /** The file's key of each value (`max-concurrent`, `[eval].num_examples`), to name it in errors. */
  keys: Record<string, string>;
}

type Json = Record<string, unknown>;

/** `max-concurrent`, `max_concurrent` and `maxConcurrent` all name the option `maxConcurrent`. */
const camelCase = (key: string) =>
  key.replace(/[-_]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** A value as commander would hand it over: lists of models joined, JSON options as JSON text. */
function asFlagValue(option: string, value: unknown): unknown {
  if (option === "model" && Array.isArray(value)) return value.join(",");
  if (
    (option === "samplingArgs" || option === "envArgs" || option === "judgeSamplingArgs") &&
    value !== null &&
    typeof value === "object"
  ) {
    return JSON.stringify(value);
  }
  return value;
}

/** `no-cache`/`no_cache` → `cache` when the flag has a `--no-` form. */
function negatedOption(key: string, known: ReadonlyMap<string, ConfigOption>): ConfigOption | undefined {
  const match = /^no[-_](.+)$/.exec(key);
  const option = match ? known.get(camelCase(match[1]!)) : undefined;
  return option?.negatable ? option : undefined;
}

/**
 * Read an `eval.toml` (`-C FILE`): top-level keys are the long flags (kebab or snake case, as
 * `max-concurrent = 8`, `sampling-args = {temperature = 0}`, `no-cache = true`), and the original's
 * `[eval]`, `[model]`, … tables are mapped where they have a meaning here. Unknown or unmappable keys,
 * values of the wrong type and two keys naming one option are one error naming every offending key.
 */
export function loadConfigFile(options: LoadConfigFileOptions): ConfigFileValues {
  const path = resolve(options.cwd, options.path);
  let document: Json;
  try {
    document = parse(readFileSync(path, "utf8")) as Json;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new CliError({ exitCode: 2, message: `-C ${options.path}: ${reason.split("\n")[0]}` });
  }
  const known = new Map(options.knownOptions.map((option) => [option.attributeName, option]));
  const result: ConfigFileValues = { values: {}, keys: {} };
  const problems: string[] = [];
  const original: Json = {};
  const setValue = (option: ConfigOption, key: string, value: unknown) => {
    const name = option.attributeName;
    if (result.keys[name] !== undefined) {
      problems.push(`${key}: names the same option as ${result.keys[name]}; keep one`);
      return;
    }
    result.keys[name] = key;
    const problem = option.unchecked ? undefined : configValueProblem(configValueType(option), value);
    if (problem) problems.push(`${key}: ${problem}`);
    else result.values[name] = asFlagValue(name, value);
  };
  for (const [key, value] of Object.entries(document)) {
    const isTable = value !== null && typeof value === "object" && !Array.isArray(value);
    // `model = "gpt-4.1-mini"` is the flag; `[model]` with `id = ...` is the original's table.
    if ((ORIGINAL_TABLES as readonly string[]).includes(key) && isTable) {
      original[key] = value;
      continue;
    }
    const named = camelCase(key);
    const name = Object.hasOwn(ORIGINAL_TOP_LEVEL_KEYS, named) ? ORIGINAL_TOP_LEVEL_KEYS[named]! : named;
    const negated = negatedOption(key, known);
    if (name === "envId" || name === "environment") {
      if (typeof value === "string") result.envId = value;
      else problems.push(`${key}: ${configValueProblem("string", value)}`);
    } else if (known.has(name)) setValue(known.get(name)!, key, value);
    else if (negated) {
      if (typeof value !== "boolean") problems.push(`${key}: ${configValueProblem("boolean", value)}`);
      else setValue(negated, key, !value);
    } else if (name === "config") problems.push(`${key}: a config file cannot name another one`);
    else problems.push(`${key}: unknown key`);
  }
  const mapped = mapOriginalTables(original);
  problems.push(...mapped.problems);
  for (const [name, entry] of Object.entries(mapped.values)) {
    if (name === "envId") {
      result.envId ??= entry.value;
      continue;
    }
    const option = known.get(name);
    if (option) setValue(option, entry.key, entry.value);
  }
  if (problems.length > 0) {
    throw new CliError({ exitCode: 2, message: `${options.path}: ${problems.join("; ")}` });
  }
  return result;
}
