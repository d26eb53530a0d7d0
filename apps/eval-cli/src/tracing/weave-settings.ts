import { CliError } from "../cli-error.js";

/** When W&B Weave tracing is on, and for which project. */
export interface WeaveSettings {
  /** `entity/project`, or `project` (Weave then asks W&B for your default entity). */
  project: string;
}

/**
 * Weave is on only when asked: `WEAVE_PROJECT` set, `WEAVE_DISABLED` not `true`, and `WANDB_API_KEY`
 * present. (The original turned Weave on whenever the package was installed, with a default project;
 * here nothing leaves the machine unless a project is named.) `WEAVE_PROJECT` without a key is a usage
 * error: the run would otherwise go untraced without saying so.
 */
export function resolveWeaveSettings(env: Record<string, string | undefined>): WeaveSettings | null {
  if (env.WEAVE_DISABLED?.trim().toLowerCase() === "true") return null;
  const project = env.WEAVE_PROJECT?.trim();
  if (!project) return null;
  if (!/^[\w.-]+(\/[\w.-]+)?$/.test(project)) {
    throw new CliError({
      exitCode: 2,
      message: "WEAVE_PROJECT must be a W&B project name or entity/project",
    });
  }
  if (!env.WANDB_API_KEY?.trim()) {
    throw new CliError({
      exitCode: 2,
      message:
        "WEAVE_PROJECT is set but WANDB_API_KEY is not: set your W&B API key (wandb.ai/authorize), or unset WEAVE_PROJECT (or WEAVE_DISABLED=true) to run without Weave",
    });
  }
  return { project };
}
