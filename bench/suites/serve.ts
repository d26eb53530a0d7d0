import { type ChildProcess, spawn } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createRewardServer } from "@sv/reward-server";
import { createRubric, toScoreLine } from "@sv/rubric";
import { type Figure, figure } from "../figure.js";
import { readParityCorpus } from "../parity-corpus.js";
import { processCpuSeconds } from "./serve-cpu.js";
import { quantile, runLoad } from "./serve-load.js";

const BATCH = 1024;
const CONCURRENCY = [1, 8, 64] as const;

interface Item {
  completion: unknown;
  answer: unknown;
}

function loadItems(repoRoot: string): { items: Item[]; source: string } {
  const { lines } = readParityCorpus(repoRoot);
  // 1,024 items cycled from the corpus, so every odd case of it is in each batch.
  const items = Array.from({ length: BATCH }, (_, index) => {
    const { completion, answer } = lines[index % lines.length]!;
    return { completion, answer };
  });
  return { items, source: "the parity corpus" };
}

async function startServer(repoRoot: string): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(
    process.execPath,
    [
      "--conditions=@sv/source",
      "--import",
      "tsx",
      join(repoRoot, "apps/reward-server/src/bin.ts"),
      "--port",
      "0",
    ],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<URL>((resolve, reject) => {
    let text = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      if (text.includes("\n")) resolve(new URL("/v1/score", text.trim()));
    });
    child.once("exit", (code) => reject(new Error(`reward server exited ${code} before listening`)));
  });
  return { child, url };
}

/** Rewards per second of the same batch scored in this process (the rubric path `/v1/score` runs). */
function inProcess(items: Item[], passes: number): { rate: number; cpuMicrosPerReward: number } {
  const rubric = createRubric();
  let sink = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let pass = 0; pass < passes; pass++) {
    for (const item of items) sink += toScoreLine(rubric.score(item as never)).reward;
  }
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  if (Number.isNaN(sink)) throw new Error("unreachable");
  const rewards = passes * items.length;
  return { rate: rewards / seconds, cpuMicrosPerReward: (used.user + used.system) / rewards };
}

/** Rewards per second through the whole server in this process (Fastify's inject: no sockets). */
async function injected(body: Buffer, batches: number): Promise<number> {
  const { app } = createRewardServer({ log: () => {} });
  await app.ready();
  const started = performance.now();
  for (let batch = 0; batch < batches; batch++) {
    const response = await app.inject({
      method: "POST",
      url: "/v1/score",
      headers: { "content-type": "application/json" },
      payload: body,
    });
    if (response.statusCode !== 200) throw new Error(`inject: HTTP ${response.statusCode}`);
  }
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  return (batches * BATCH) / seconds;
}

/**
 * `pnpm serve` in a child process, closed-loop clients in this one (each with one 1,024-item
 * `POST /v1/score` in flight on a keep-alive connection) at 1, 8 and 64 clients: rewards per second,
 * the ratio to in-process scoring of the same items, and p50/p99 latency per batch.
 */
export async function serveBenchmark(options: { repoRoot: string; quick?: boolean }): Promise<Figure[]> {
  const runs = options.quick ? 1 : 3;
  const durationMs = options.quick ? 1500 : 4000;
  const { items, source } = loadItems(options.repoRoot);
  const body = Buffer.from(JSON.stringify({ items }));
  const load = loadavg()[0]!.toFixed(2);
  const check = (response: Buffer) => {
    const { results } = JSON.parse(response.toString("utf8")) as { results: unknown[] };
    if (results.length !== BATCH) throw new Error(`expected ${BATCH} results, got ${results.length}`);
  };

  inProcess(items, 50); // warm up the JIT
  const inProcessRuns = Array.from({ length: runs * 3 }, () => inProcess(items, options.quick ? 50 : 200));
  const inProcessFigure = figure({
    name: "serve.in_process.rewards_per_second",
    unit: "rewards/s",
    better: "higher",
    samples: inProcessRuns.map((run) => run.rate),
    note: `rubric.score + toScoreLine over a ${BATCH}-item batch cycled from ${source}`,
  });
  const inProcessCpu = figure({
    name: "serve.in_process.cpu_us_per_reward",
    unit: "µs",
    better: "lower",
    samples: inProcessRuns.map((run) => run.cpuMicrosPerReward),
    note: "CPU time, which other jobs on the machine barely change",
  });

  await injected(body, 20); // warm up
  const injectedRates: number[] = [];
  for (let run = 0; run < runs * 3; run++) injectedRates.push(await injected(body, options.quick ? 20 : 60));
  const injectedFigure = figure({
    name: "serve.in_process_http.rewards_per_second",
    unit: "rewards/s",
    better: "higher",
    samples: injectedRates,
    note: "the same batches through the whole server in this process (JSON parse, validation, scoring, serialisation; Fastify inject, no sockets)",
  });

  const server = await startServer(options.repoRoot);
  const figures: Figure[] = [inProcessFigure, inProcessCpu, injectedFigure];
  try {
    await runLoad({ url: server.url, body, concurrency: 8, durationMs: 1000, check }); // warm up
    for (const concurrency of CONCURRENCY) {
      const rates: number[] = [];
      const p50: number[] = [];
      const p99: number[] = [];
      const cpu: number[] = [];
      for (let run = 0; run < runs; run++) {
        const cpuBefore = processCpuSeconds(server.child.pid!);
        const result = await runLoad({ url: server.url, body, concurrency, durationMs, check });
        const cpuAfter = processCpuSeconds(server.child.pid!);
        if (cpuBefore !== undefined && cpuAfter !== undefined) {
          cpu.push(((cpuAfter - cpuBefore) * 1e6) / (result.batches * BATCH));
        }
        rates.push((result.batches * BATCH) / result.seconds);
        p50.push(quantile(result.latenciesMs, 0.5));
        p99.push(quantile(result.latenciesMs, 0.99));
      }
      const rate = figure({
        name: `serve.c${concurrency}.rewards_per_second`,
        unit: "rewards/s",
        better: "higher",
        samples: rates,
        note: `${concurrency} client(s), ${BATCH}-item batches over loopback; 1-min load average ${load} at start`,
      });
      figures.push(
        rate,
        figure({
          name: `serve.c${concurrency}.ratio_to_in_process`,
          unit: "×",
          better: "higher",
          samples: rates.map((value) => value / inProcessFigure.median),
        }),
        figure({ name: `serve.c${concurrency}.p50_ms`, unit: "ms", better: "lower", samples: p50 }),
        figure({ name: `serve.c${concurrency}.p99_ms`, unit: "ms", better: "lower", samples: p99 }),
      );
      if (cpu.length > 0) {
        figures.push(
          figure({
            name: `serve.c${concurrency}.server_cpu_us_per_reward`,
            unit: "µs",
            better: "lower",
            samples: cpu,
            note: "the server process's user + system CPU (/proc) per reward: 1e6 / this is its rate on one free core",
          }),
        );
      }
    }
  } finally {
    server.child.kill("SIGTERM");
  }
  return figures;
}
