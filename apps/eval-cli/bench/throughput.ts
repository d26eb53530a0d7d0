// Throughput and memory of `pnpm eval` against a loopback server that answers after 100 ms.
// Usage (from the repo root): node --conditions=@sv/source --import tsx apps/eval-cli/bench/throughput.ts [N] [C]
// Prints examples/s against the limit C / 0.1 s, and peak RSS from /usr/bin/time -v when available.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

const count = Number(process.argv[2] ?? 20_000);
const concurrency = Number(process.argv[3] ?? 128);
const delayMs = Number(process.env.DELAY_MS ?? 100);
const root = resolve(import.meta.dirname, "../../..");
const work = join(root, "bench/.work/eval-throughput");
const node = ["--conditions=@sv/source", "--import", "tsx"];
mkdirSync(work, { recursive: true });
rmSync(join(work, "outputs"), { recursive: true, force: true });

const dataset = join(work, `rows-${count}.jsonl`);
if (!existsSync(dataset)) {
  spawnSync("node", [...node, join(import.meta.dirname, "make-dataset.ts"), String(count), dataset], {
    cwd: root,
    stdio: "inherit",
  });
}

const server = spawn("node", [...node, join(import.meta.dirname, "loopback-server.ts")], {
  cwd: root,
  env: { ...process.env, DELAY_MS: String(delayMs) },
  stdio: ["ignore", "pipe", "inherit"],
});
const baseURL = await new Promise<string>((done) => {
  createInterface({ input: server.stdout! }).once("line", done);
});

const timeBinary = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-v"] : [];
const args = [
  ...node,
  join(root, "apps/eval-cli/src/bin.ts"),
  "-m",
  "bench-model",
  "-b",
  baseURL,
  "--dataset",
  dataset,
  "--split",
  "all",
  "-c",
  String(concurrency),
  "--timeout",
  "60",
  "--output-dir",
  join(work, "outputs"),
  "--run-id",
  "bench",
];
const [command, ...rest] = timeBinary.length ? [...timeBinary, "node", ...args] : ["node", ...args];
const started = performance.now();
const evaluation = spawnSync(command!, rest, {
  cwd: root,
  encoding: "utf8",
  env: { ...process.env, CI: "1" },
});
const wallMs = performance.now() - started;
server.kill("SIGTERM");

const runDir = join(work, "outputs", readdirSync(join(work, "outputs"))[0]!, "bench");
const metadata = JSON.parse(readFileSync(join(runDir, "metadata.json"), "utf8")) as {
  time_ms: number;
  n_errors: number;
};
const lines = readFileSync(join(runDir, "results.jsonl"), "utf8").split("\n").filter(Boolean).length;
const peakKb = Number(
  /Maximum resident set size \(kbytes\): (\d+)/.exec(evaluation.stderr)?.[1] ?? Number.NaN,
);
const limit = concurrency / (delayMs / 1000);
// The last progress line's rate: rollouts over the evaluation itself (without loading and summary).
const progressLines = evaluation.stderr.split("\n").filter((line) => line.startsWith("bench-model "));
const evaluationRate = Number(/ ([\d.]+)\/s /.exec(progressLines.at(-1) ?? "")?.[1] ?? Number.NaN);
const rate = (lines / metadata.time_ms) * 1000;
const report = {
  examples: count,
  concurrency,
  delay_ms: delayMs,
  results_lines: lines,
  errors: metadata.n_errors,
  run_seconds: metadata.time_ms / 1000,
  process_wall_seconds: wallMs / 1000,
  evaluation_examples_per_second: evaluationRate,
  evaluation_fraction_of_limit: Number((evaluationRate / limit).toFixed(3)),
  overall_examples_per_second: Number(rate.toFixed(1)),
  limit_per_second: limit,
  overall_fraction_of_limit: Number((rate / limit).toFixed(3)),
  peak_rss_mb: Number((peakKb / 1024).toFixed(1)),
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
if (evaluation.status !== 0 || process.env.VERBOSE) process.stderr.write(evaluation.stderr.slice(-2500));
