import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type LoopbackProcess, startLoopbackProcess } from "../eval/loopback-process.js";
import { type CliChildRun, runCliChild } from "../eval/run-cli-child.js";
import { writeBenchDataset } from "../eval/write-dataset.js";
import { type Figure, figure } from "../figure.js";

const DELAY_MS = 100;

interface Plan {
  /** Examples per run at each `-c`. */
  concurrency: { c: number; examples: number }[];
  runs: number;
  /** Examples of the memory run, and its `-c`. */
  memory: { examples: number; c: number; runs: number };
}

// Each throughput run lasts ~8-10 s of evaluation (examples / limit), long enough to dwarf start-up.
const FULL: Plan = {
  concurrency: [
    { c: 32, examples: 3_000 },
    { c: 128, examples: 10_000 },
    { c: 512, examples: 20_000 },
  ],
  runs: 3,
  memory: { examples: 100_000, c: 512, runs: 1 },
};
const QUICK: Plan = {
  concurrency: [
    { c: 32, examples: 600 },
    { c: 128, examples: 2_000 },
    { c: 512, examples: 4_000 },
  ],
  runs: 1,
  memory: { examples: 10_000, c: 512, runs: 1 },
};

interface Context {
  repoRoot: string;
  work: string;
  server: LoopbackProcess;
}

async function evalRun(context: Context, options: { examples: number; c: number }) {
  const dataset = await writeBenchDataset({
    count: options.examples,
    path: join(context.work, `rows-${options.examples}.jsonl`),
  });
  const outputDir = join(context.work, "outputs");
  rmSync(outputDir, { recursive: true, force: true });
  await context.server.reset();
  const run = await runCliChild({
    repoRoot: context.repoRoot,
    args: [
      ...["-m", "bench-model", "-b", context.server.baseURL, "--dataset", dataset, "--split", "all"],
      ...["-c", String(options.c), "--request-timeout", "60", "--output-dir", outputDir, "--run-id", "bench"],
    ],
  });
  const stats = await context.server.stats();
  if (run.exitCode !== 0 || stats.count !== options.examples) {
    throw new Error(
      `eval bench: exit ${run.exitCode}, ${stats.count} of ${options.examples} requests\n${run.stderr.slice(-2000)}`,
    );
  }
  // Steady-state rate as the server saw it: first request in to last reply out.
  const seconds = (stats.lastArrivalMs - stats.firstArrivalMs + stats.delayMs) / 1000;
  return { run, rate: stats.count / seconds, serverCpuMs: stats.cpuMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * `pnpm eval` (the real CLI in a child process) against a loopback server in another child process that
 * answers after 100 ms: examples per second at several `-c` and as a fraction of the limit c / 0.1 s,
 * client CPU per request (the CLI process's own resource usage, minus its start-up), peak RSS.
 */
export async function evalBenchmark(options: { repoRoot: string; quick?: boolean }): Promise<Figure[]> {
  const plan = options.quick ? QUICK : FULL;
  const work = join(options.repoRoot, "bench", ".work", "eval");
  mkdirSync(work, { recursive: true });
  const server = await startLoopbackProcess({ repoRoot: options.repoRoot, delayMs: DELAY_MS });
  const context: Context = { repoRoot: options.repoRoot, work, server };
  const figures: Figure[] = [];
  try {
    // Start-up cost (node + tsx + modules + one request), subtracted from per-request CPU.
    const startup: CliChildRun[] = [];
    for (let index = 0; index < 3; index++) startup.push((await evalRun(context, { examples: 1, c: 1 })).run);
    const startupCpuMs = median(startup.map((run) => run.cpuMs));
    figures.push(
      figure({
        name: "eval.startup_cpu_ms",
        unit: "ms",
        better: "lower",
        samples: startup.map((run) => run.cpuMs),
        note: "client CPU of a 1-example run (node + tsx + modules), subtracted below",
      }),
    );
    for (const { c, examples } of plan.concurrency) {
      const rates: number[] = [];
      const cpu: number[] = [];
      const serverCpu: number[] = [];
      const limit = c / (DELAY_MS / 1000);
      for (let index = 0; index < plan.runs; index++) {
        process.stderr.write(`  eval -c ${c}, ${examples} examples, run ${index + 1}/${plan.runs}\n`);
        const { run, rate, serverCpuMs } = await evalRun(context, { examples, c });
        rates.push(rate);
        cpu.push((run.cpuMs - startupCpuMs) / examples);
        serverCpu.push(serverCpuMs / examples);
      }
      const note = `${examples} examples, reply after ${DELAY_MS} ms, limit ${limit}/s`;
      figures.push(
        figure({
          name: `eval.c${c}.examples_per_second`,
          unit: "examples/s",
          better: "higher",
          samples: rates,
          note,
        }),
        figure({
          name: `eval.c${c}.fraction_of_limit`,
          unit: `of ${limit}/s`,
          better: "higher",
          samples: rates.map((rate) => rate / limit),
          note,
        }),
        figure({
          name: `eval.c${c}.client_cpu_ms_per_request`,
          unit: "ms",
          better: "lower",
          samples: cpu,
          note: "user+system CPU of the CLI process minus start-up, per example",
        }),
        figure({
          name: `eval.c${c}.server_cpu_ms_per_request`,
          unit: "ms",
          better: "lower",
          samples: serverCpu,
          note: "CPU of the loopback server process per request (shares the machine with the client)",
        }),
      );
    }
    const { examples, c, runs } = plan.memory;
    const rss: number[] = [];
    const rates: number[] = [];
    for (let index = 0; index < runs; index++) {
      process.stderr.write(`  eval -c ${c}, ${examples} examples (memory), run ${index + 1}/${runs}\n`);
      const { run, rate } = await evalRun(context, { examples, c });
      rss.push(run.peakRssMiB);
      rates.push(rate);
    }
    figures.push(
      figure({
        name: `eval.peak_rss_${examples / 1000}k`,
        unit: "MiB",
        better: "lower",
        samples: rss,
        note: `peak RSS of the CLI process over ${examples} examples at -c ${c} (${Math.round(median(rates))} examples/s)`,
      }),
    );
  } finally {
    await server.stop();
    rmSync(join(work, "outputs"), { recursive: true, force: true });
  }
  return figures;
}
