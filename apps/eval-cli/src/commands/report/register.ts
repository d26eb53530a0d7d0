import { join } from "node:path";
import type { Command } from "commander";
import { CliError } from "../../cli-error.js";
import { writeComparison } from "../../report/compare/write-comparison.js";
import { reportRuns } from "./report-runs.js";

interface ReportCommandOptions {
  out?: string;
  seed?: string;
  resamples?: string;
  maxTextChars?: string;
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new CliError({ message: `${flag} must be a non-negative integer, got ${JSON.stringify(value)}` });
  }
  return number;
}

/** `eval report RUN_DIR...`: regenerate summary.json, report.md and report.html; compare several runs. */
export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description(
      "Regenerate summary.json, report.md and report.html of run directories from results.jsonl; with several runs also write a comparison",
    )
    .argument("<run-dirs...>", "run directories (each holds results.jsonl and metadata.json)")
    .option("-o, --out <dir>", "comparison directory (default outputs/evals/comparisons/<hash>)")
    .option("--seed <n>", "bootstrap seed (default: each run's seed)")
    .option("--resamples <n>", "bootstrap resamples (default scales with run size, 200 to 1000)")
    .option("--max-text-chars <n>", "longest prompt or reply embedded in full in report.html", "1000")
    .action(async (dirs: string[], options: ReportCommandOptions) => {
      const log = (line: string) => process.stdout.write(`${line}\n`);
      const results = await reportRuns({
        dirs,
        seed: integer(options.seed, "--seed"),
        resamples: integer(options.resamples, "--resamples"),
        maxTextChars: integer(options.maxTextChars, "--max-text-chars"),
        log,
      });
      if (results.length > 1) {
        const comparison = await writeComparison({
          runs: results.map((result) => ({ data: result.data, htmlPath: result.files.html })),
          out: options.out,
          root: join("outputs", "evals"),
        });
        log(comparison.verdict);
        log(`comparison: ${comparison.html}`);
        log(`scoreboard: ${comparison.markdown}`);
      }
    });
}
