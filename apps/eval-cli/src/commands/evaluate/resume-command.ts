import type { RunMetadata } from "../../run-output/run-metadata.js";

/** Options of {@link resumeCommand}. */
export interface ResumeCommandOptions {
  /** The run folder as the user should type it. */
  runDir: string;
  metadata: Pick<RunMetadata, "base_url" | "base_url_left_out">;
  /** `--resume` (default) or `--retry-errors`. */
  flag?: string;
}

/** Quote a path for a POSIX shell when it needs it. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * The command that finishes a run. When the base URL had parts that are never written down (user info,
 * a key in the query), the command asks for `-b` again and says which parts to put back.
 */
export function resumeCommand(options: ResumeCommandOptions): string {
  const base = `pnpm eval ${options.flag ?? "--resume"} ${shellWord(options.runDir)}`;
  const leftOut = options.metadata.base_url_left_out ?? [];
  if (leftOut.length === 0) return base;
  return `${base} -b URL, where URL is ${options.metadata.base_url ?? "the base URL"} with its ${leftOut.join(" and ")} put back (not stored)`;
}
