import type { Command } from "commander";
import { type ConfigOption, loadConfigFile } from "./config-file.js";

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
 * the file, the file over defaults). Without it, the values are returned as they are. `fileKeys` names
 * the file's key of each option it set (`eval.toml: max-concurrent`), for errors about the value.
 */
export function applyConfigFile(options: ApplyConfigFileOptions): {
  envId: string | undefined;
  raw: Record<string, unknown>;
  fileKeys: Record<string, string>;
} {
  const path = options.raw.config;
  if (typeof path !== "string") return { envId: options.envId, raw: options.raw, fileKeys: {} };
  // One entry per option: `--cache` and `--no-cache` are one option, `--no-shared-rate-limit` alone is too.
  const declared = new Map<string, ConfigOption>();
  for (const option of options.command.options) {
    const name = option.attributeName();
    if (name === "config") continue;
    const entry = declared.get(name) ?? {
      attributeName: name,
      takesValue: option.required || option.optional,
      optionalValue: option.optional,
      unchecked: option.hidden,
    };
    if (option.negate) entry.negatable = true;
    declared.set(name, entry);
  }
  const knownOptions = [...declared.values()];
  const { values, envId, keys } = loadConfigFile({ path, cwd: options.cwd, knownOptions });
  const raw = { ...options.raw };
  const fileKeys: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (options.command.getOptionValueSource(name) === "cli") continue;
    raw[name] = value;
    fileKeys[name] = `${path}: ${keys[name]}`;
  }
  return { envId: options.envId ?? (envId === undefined ? undefined : String(envId)), raw, fileKeys };
}
