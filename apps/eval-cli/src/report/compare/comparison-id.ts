import { createHash } from "node:crypto";
import type { RunReportData } from "../run-report-data.js";

/** A stable name for a set of runs: same summaries in the same order, same directory. */
export function comparisonId(runs: RunReportData[]): string {
  const hash = createHash("sha256");
  for (const run of runs) hash.update(JSON.stringify(run.summary)).update("\n");
  return hash.digest("hex").slice(0, 12);
}
