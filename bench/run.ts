import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Figure } from "./figure.js";
import { machineInfo } from "./machine-info.js";
import { buildDataBenchmark } from "./suites/build-data.js";
import { evalBenchmark } from "./suites/eval.js";
import { scoringBenchmark } from "./suites/scoring.js";
import { serveBenchmark } from "./suites/serve.js";

type Suite = (options: { repoRoot: string; quick?: boolean }) => Promise<Figure[]>;

/** Every benchmark, by name. `pnpm bench NAME` runs one; `pnpm bench` runs all. */
const SUITES: Record<string, Suite> = {
  scoring: scoringBenchmark,
  "build-data": buildDataBenchmark,
  eval: evalBenchmark,
  serve: serveBenchmark,
};

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function formatNumber(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toPrecision(4);
}

async function main(argv: string[]): Promise<number> {
  const quick = argv.includes("--quick");
  const names = argv.filter((arg) => !arg.startsWith("--"));
  const unknown = names.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown benchmark(s): ${unknown.join(", ")}; available: ${Object.keys(SUITES).join(", ")}\n`,
    );
    return 2;
  }
  const selected = names.length > 0 ? names : Object.keys(SUITES);
  const figures: Figure[] = [];
  for (const name of selected) {
    process.stderr.write(`running ${name}...\n`);
    figures.push(...(await SUITES[name]!({ repoRoot, quick })));
  }
  const result = { date: new Date().toISOString(), machine: machineInfo(), quick, figures };
  const outputPath = join(repoRoot, "bench", "results", "latest.json");
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, `${JSON.stringify(result, null, 2)}\n`);

  const rows = figures.map(
    (entry) =>
      `| ${entry.name} | ${formatNumber(entry.median)} ${entry.unit} | ${formatNumber(entry.min)} – ${formatNumber(entry.max)} | ${entry.runs} |`,
  );
  process.stdout.write(
    [
      `machine: ${result.machine.cpuModel} (${result.machine.cores} cores), Node ${result.machine.node}`,
      "",
      "| figure | median | range | runs |",
      "|---|---|---|---|",
      ...rows,
      "",
      `written to ${outputPath}`,
      "",
    ].join("\n"),
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
