// Preloaded into the CLI child (`node --import ./bench/eval/report-usage.ts ...`): when the process
// exits, writes its own `process.resourceUsage()` (CPU time in µs, peak RSS in KiB) as JSON to the file
// named by SV_BENCH_USAGE_FILE. Nothing else changes in the process.
import { writeFileSync } from "node:fs";

const path = process.env.SV_BENCH_USAGE_FILE;
if (path) {
  process.on("exit", () => {
    writeFileSync(path, JSON.stringify(process.resourceUsage()));
  });
}
