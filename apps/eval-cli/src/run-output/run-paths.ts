import { join } from "node:path";
import { CliError } from "../cli-error.js";

// Characters no file name may hold here (NUL everywhere; Windows also refuses these).
const UNREPRESENTABLE = process.platform === "win32" ? /[\0\\:*?"<>|]/ : /\0/;

/**
 * The model's part of a folder name, as vf-eval makes it: `/` becomes `--` and nothing else changes
 * (`org/llama3.1:8b` → `org--llama3.1:8b`), so viewers that turn `--` back into `/` show the real name.
 * A name that cannot be a folder name on this system is an error rather than a silently different name.
 */
export function modelDirName(model: string): string {
  if (model === "" || UNREPRESENTABLE.test(model)) {
    throw new CliError({
      exitCode: 2,
      message: `model name ${JSON.stringify(model)} cannot be part of a folder name on this system`,
    });
  }
  return model.replaceAll("/", "--");
}

export interface RunDirectoryOptions {
  /** vf-eval's `--output-dir`: runs go in its `evals/` folder (default `outputs`). */
  outputDir: string;
  envId: string;
  model: string;
  runId: string;
}

/** `<outputDir>/evals/<envId>--<model with / → -->`: every run of one environment and model. */
export function modelRunsDirectory(options: Omit<RunDirectoryOptions, "runId">): string {
  return join(options.outputDir, "evals", `${options.envId}--${modelDirName(options.model)}`);
}

/** `<outputDir>/evals/<envId>--<model with / → -->/<runId>`, the vf-eval layout. */
export function runDirectory(options: RunDirectoryOptions): string {
  return join(modelRunsDirectory(options), options.runId);
}

/** The files of a run directory. */
export function runFiles(runDir: string): {
  results: string;
  metadata: string;
  summary: string;
  report: string;
} {
  return {
    results: join(runDir, "results.jsonl"),
    metadata: join(runDir, "metadata.json"),
    summary: join(runDir, "summary.json"),
    report: join(runDir, "report.md"),
  };
}
