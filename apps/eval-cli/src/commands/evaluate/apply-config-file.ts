import type { Command } from "commander";
import { loadConfigFile } from "./config-file.js";

/** Options of {@link applyConfigFile}. */
export interface ApplyConfigFileOptions {
  command: Command;
  /** The positional environment id, when given. */
  envId: string | undefined;
  /** Commander's option values. */
  raw: Record<string, unknown>;
  cwd: string;
}

/**
 * With `-C FILE`, the file's values fill every option not given on the command line (flags win over
 * the file, the file over defaults). Without it, the values are returned as they are.
 */
export function applyConfigFile(options: ApplyConfigFileOptions): {
  envId: string | undefined;
  raw: Record<string, unknown>;
} {
  const path = options.raw.config;
  if (typeof path !== "string") return { envId: options.envId, raw: options.raw };
  const knownOptions = options.command.options
    .map((option) => option.attributeName())
    .filter((name) => name !== "config");
  const values = loadConfigFile({ path, cwd: options.cwd, knownOptions });
  const raw = { ...options.raw };
  for (const [name, value] of Object.entries(values)) {
    if (name === "envId") continue;
    if (options.command.getOptionValueSource(name) === "cli") continue;
    raw[name] = value;
  }
  const fileEnvId = values.envId === undefined ? undefined : String(values.envId);
  return { envId: options.envId ?? fileEnvId, raw };
}
