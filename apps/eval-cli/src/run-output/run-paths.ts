import { join } from "node:path";

/** The model's folder name: `/` becomes `--` (as vf-eval), and nothing that leaves the folder survives. */
export function modelDirName(model: string): string {
  return model
    .replaceAll("/", "--")
    .replace(/[\\:*?"<>|\s]/g, "_")
    .replace(/^\.+/, "_");
}

export interface RunDirectoryOptions {
  /** Base of all runs (default `outputs/evals`). */
  outputDir: string;
  envId: string;
  model: string;
  runId: string;
}

/** `<outputDir>/<envId>--<model with / → -->/<runId>`, the vf-eval layout. */
export function runDirectory(options: RunDirectoryOptions): string {
  return join(options.outputDir, `${options.envId}--${modelDirName(options.model)}`, options.runId);
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
