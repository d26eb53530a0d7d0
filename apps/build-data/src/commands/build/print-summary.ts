import type { RunBuildResult } from "../../build/run-build.js";

export interface PrintSummaryOptions {
  result: RunBuildResult;
  out: string;
  seconds: number;
  write: (line: string) => void;
}

/** The end-of-run summary on stderr: rows per dataset, labels, duplicates and skipped lines by reason. */
export function printSummary(options: PrintSummaryOptions): void {
  const { result, write } = options;
  write(
    `\nbuilt ${result.files.length} files in ${options.out} (build ${result.buildId}, ${options.seconds.toFixed(1)} s)`,
  );
  for (const { fileName, manifest, carried } of result.datasets) {
    if (carried) {
      write(`  ${fileName}: ${manifest.counts.total} rows, kept from the previous build`);
      continue;
    }
    const labels = Object.entries(manifest.counts.by_label)
      .map(([label, count]) => `${label} ${count}`)
      .join(", ");
    const skipped = Object.entries(manifest.lines_skipped.counts)
      .map(([reason, count]) => `${reason} ${count}`)
      .join(", ");
    write(
      `  ${fileName}: ${manifest.counts.total} rows (${labels}) from ${manifest.rows_read} read; ${manifest.duplicates_dropped} duplicates dropped; skipped: ${skipped || "none"}`,
    );
    for (const note of manifest.notes) write(`    note: ${note}`);
  }
  for (const { fileName, section } of result.contextSets ?? []) {
    if (section.counts.total === 0) {
      write(
        `  ${fileName}: not written (${section.notes.join("; ") || "no flow with time and originator host"})`,
      );
      continue;
    }
    const sizes = section.context_sizes;
    const withContext = sizes.slice(1).reduce((sum, count) => sum + count, 0);
    write(
      `  ${fileName}: ${section.counts.total} rows, ${withContext} with earlier flows (K ${section.flows}, window ${section.window_seconds} s, splits ${section.split_strategy}); hosts evicted ${section.stats.hosts_evicted}`,
    );
    for (const note of section.notes) write(`    note: ${note}`);
  }
  for (const entry of result.incomplete) write(`  incomplete: ${entry}`);
  for (const check of result.failedChecks)
    write(`  check failed (installed because of --allow-incomplete): ${check.name}: ${check.detail}`);
}
