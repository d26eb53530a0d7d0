import { existsSync, rmSync } from "node:fs";
import { createFlowIndexWriter } from "@sv/dataset";
import type { FileSampleJob } from "../parallel/index.js";

/**
 * Merge the per-file part indexes of `jobs` (in job order, i.e. file order) into `path`, removing the
 * parts; a file that was ignored wrote an empty or no part. Returns the flows indexed.
 */
export function mergeFlowIndexParts(path: string, jobs: readonly FileSampleJob[]): number {
  const parts = jobs.map((job) => job.flowIndexPart).filter((part) => part !== undefined);
  const writer = createFlowIndexWriter({ path });
  try {
    for (const part of parts) if (existsSync(part)) writer.append(part);
    const count = writer.count;
    writer.close();
    return count;
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    removeFlowIndexParts(jobs);
  }
}

/** Remove the part indexes of `jobs` (after a merge, or when reading failed). */
export function removeFlowIndexParts(jobs: readonly FileSampleJob[]): void {
  for (const job of jobs) {
    if (job.flowIndexPart === undefined) continue;
    rmSync(job.flowIndexPart, { force: true });
    rmSync(`${job.flowIndexPart}.partial`, { force: true });
  }
}
