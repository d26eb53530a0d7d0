import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { DatasetError } from "@sv/dataset";
import { EnvError, type Environment, type EnvironmentOptions, loadEnvironment } from "@sv/env";
import { CliError } from "../../cli-error.js";
import type { EvalFlags } from "./eval-flags.js";
import type { EvalIo } from "./eval-io.js";

/** The data directory: `--data-dir`, else `$SV_DATA_DIR`, else `./data/e1`. */
export function resolveDataDir(flags: Pick<EvalFlags, "dataDir">, io: Pick<EvalIo, "cwd" | "env">): string {
  return resolve(io.cwd, flags.dataDir ?? io.env.SV_DATA_DIR ?? "./data/e1");
}

/** The text of `--system-prompt-file`; a missing, unreadable, directory or empty file is a one-line error. */
function readSystemPrompt(file: string, cwd: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (code ?? String(error));
    throw new CliError({
      exitCode: 2,
      message: `--system-prompt-file ${file}: cannot read it: ${reason}`,
      cause: error,
    });
  }
  const prompt = text.replace(/^\uFEFF/, "").trim();
  if (prompt === "") throw new CliError({ exitCode: 2, message: `--system-prompt-file ${file} is empty` });
  return prompt;
}

/** Environment options from `-a/--env-args` and the dataset flags; the same option both ways is an error. */
export function environmentOptions(flags: EvalFlags, io: Pick<EvalIo, "cwd" | "env">): EnvironmentOptions {
  const fromFlags: Record<string, unknown> = {
    datasetName: flags.dataset,
    datasetSource: flags.datasetSource,
    dataDir: resolveDataDir(flags, io),
    split: flags.split,
    seed: flags.seed,
    maxExamples: flags.numExamples === undefined || flags.numExamples < 0 ? undefined : flags.numExamples,
    systemPrompt: flags.systemPromptFile ? readSystemPrompt(flags.systemPromptFile, io.cwd) : undefined,
    envMode: flags.envMode,
    maxTurns: flags.maxTurns,
    flowIndex: flags.flowIndex === undefined ? undefined : resolve(io.cwd, flags.flowIndex),
    // Left out unless given, so a default (executable) run's options stay as they were.
    rubricMode: flags.rubric,
    judgeWeight: flags.judgeWeight,
  };
  const envArgs = flags.envArgs ?? {};
  const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  for (const [name, value] of Object.entries(fromFlags)) {
    if (value === undefined || name === "dataDir") continue;
    if (name in envArgs || snake(name) in envArgs) {
      throw new CliError({ exitCode: 2, message: `"${name}" is given both in --env-args and as a flag` });
    }
  }
  const merged: Record<string, unknown> = { ...envArgs };
  for (const [name, value] of Object.entries(fromFlags)) {
    if (value === undefined) continue;
    if (name === "dataDir" && ("dataDir" in envArgs || "data_dir" in envArgs)) continue;
    merged[name] = value;
  }
  const hub = hubSettings(io.env);
  if (hub) merged.hub = hub;
  return merged as EnvironmentOptions;
}

/**
 * Hub settings from the CLI's environment (which includes a `.env` file), so `HF_TOKEN` in `.env`
 * works; the package on its own would only see `process.env`. Not recorded in metadata.
 */
export function hubSettings(env: Record<string, string | undefined>): EnvironmentOptions["hub"] {
  const hub = { repo: env.E1_HF_REPO, token: env.HF_TOKEN, endpoint: env.HF_ENDPOINT };
  const given = Object.entries(hub).filter(([, value]) => value !== undefined && value !== "");
  if (given.length === 0) return undefined;
  // Hub files are cached per commit, so a second run reads them from disk.
  return { ...Object.fromEntries(given), cacheDir: hubCacheDir(env) };
}

/** `$SV_CACHE_DIR/hub`, else `$XDG_CACHE_HOME/sv-e1/hub`, else `~/.cache/sv-e1/hub`. */
export function hubCacheDir(env: Record<string, string | undefined>): string {
  if (env.SV_CACHE_DIR) return join(env.SV_CACHE_DIR, "hub");
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "sv-e1", "hub");
}

/**
 * Load the environment. The auto tier already falls back to the bundled demo set for the default
 * dataset (and says why); anything else that is missing is an error with the fix in its message.
 */
export async function setupEnvironment(options: EnvironmentOptions): Promise<Environment> {
  try {
    return await loadEnvironment(options);
  } catch (error) {
    if (EnvError.isInstance(error) || DatasetError.isInstance(error)) {
      throw new CliError({ message: error.message, cause: error, exitCode: 2 });
    }
    throw error;
  }
}
