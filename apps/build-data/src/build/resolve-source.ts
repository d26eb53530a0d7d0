import { existsSync } from "node:fs";
import { CLI_ERROR_CODES, CliError } from "../cli-error.js";
import { DEFAULT_HUB_REPOS, type HubOptions } from "../hub/hub-options.js";
import type { SourceName } from "../readers/source-name.js";

export interface ResolveSourceOptions {
  source: SourceName;
  /** The flag's values: local files/directories, or one `hf:OWNER/NAME`; empty = the original's Hub copy. */
  specs: readonly string[];
  hub: HubOptions;
  onProgress?: (message: string) => void;
}

/** Local roots to read, and the Hub repo they came from (if any). */
export interface ResolvedSource {
  roots: string[];
  hubRepo?: string;
  hubFiles?: { path: string; size: number; oid: string }[];
}

/** Turn `--iot23 SRC…` into local roots, downloading `hf:OWNER/NAME` (or the default Hub copy) into the cache. */
export async function resolveSource(options: ResolveSourceOptions): Promise<ResolvedSource> {
  const { source, specs } = options;
  const hubSpecs = specs.filter((spec) => spec.startsWith("hf:"));
  const local = specs.filter((spec) => !spec.startsWith("hf:"));
  for (const path of local) {
    if (!existsSync(path)) {
      throw new CliError({
        code: CLI_ERROR_CODES.noInput,
        message: `--${source} ${path}: no such file or directory`,
      });
    }
  }
  if (hubSpecs.length > 1 || (hubSpecs.length === 1 && local.length > 0)) {
    throw new CliError({
      code: CLI_ERROR_CODES.usage,
      message: `--${source}: give local paths or one hf:OWNER/NAME, not both`,
    });
  }
  if (local.length > 0) return { roots: [...local] };
  const repo = hubSpecs[0]?.slice(3) ?? DEFAULT_HUB_REPOS[source];
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new CliError({
      code: CLI_ERROR_CODES.usage,
      message: `--${source} hf:${repo}: expected hf:OWNER/NAME`,
    });
  }
  // Loaded only when needed: the Hub client is large and local builds never use it.
  const { downloadHubDataset } = await import("../hub/download-hub-dataset.js");
  const downloaded = await downloadHubDataset({
    ...options.hub,
    repo,
    flag: `--${source}`,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { roots: [downloaded.root], hubRepo: repo, hubFiles: downloaded.files };
}
