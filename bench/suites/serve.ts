import { type ChildProcess, spawn } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createRewardServer } from "@sv/reward-server";
import { createRubric, toScoreLine } from "@sv/rubric";
import { type Figure, figure } from "../figure.js";
import { readParityCorpus } from "../parity-corpus.js";
import { cpuSecondsBetween, treeCpuSeconds } from "./serve-cpu.js";
import { quantile, runLoad } from "./serve-load.js";

const BATCH = 1024;

/** Load levels: server processes (`--workers`) and concurrent clients. */
const LEVELS = [
  { workers: 1, concurrency: 1 },
  { workers: 1, concurrency: 8 },
  { workers: 1, concurrency: 64 },
  { workers: 2, concurrency: 8 },
  { workers: 2, concurrency: 64 },
] as const;

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

async function startServer(repoRoot: string, workers: number): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(
    process.execPath,
    [
      "--conditions=@sv/source",
      "--import",
      "tsx",
      join(repoRoot, "apps/reward-server/src/bin.ts"),
      "--port",
      "0",
      "--workers",
      String(workers),
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

/** Rewards per second and CPU per reward through the whole server in this process (Fastify's inject: no sockets). */
async function injected(
  body: Buffer,
  batches: number,
): Promise<{ rate: number; cpuMicrosPerReward: number }> {
  const { app } = createRewardServer({ log: () => {} });
  await app.ready();
  const cpu = process.cpuUsage();
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
  const used = process.cpuUsage(cpu);
  await app.close();
  return {
    rate: (batches * BATCH) / seconds,
    cpuMicrosPerReward: (used.user + used.system) / (batches * BATCH),
  };
}

/** One load level against a running server: its figures. */
async function measureLevel(options: {
  server: { child: ChildProcess; url: URL };
  workers: number;
  concurrency: number;
  runs: number;
  durationMs: number;
  body: Buffer;
  check: (body: Buffer) => void;
  inProcessRate: number;
}): Promise<Figure[]> {
  const { server, workers, concurrency } = options;
  const rates: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  const serverCpu: number[] = [];
  const clientCpu: number[] = [];
  const load = loadavg()[0]!.toFixed(2);
  for (let run = 0; run < options.runs; run++) {
    const before = treeCpuSeconds(server.child.pid!);
    const clientBefore = process.cpuUsage();
    const result = await runLoad({
      url: server.url,
      body: options.body,
      concurrency,
      durationMs: options.durationMs,
      check: options.check,
    });
    const client = process.cpuUsage(clientBefore);
    const after = treeCpuSeconds(server.child.pid!);
    const rewards = result.batches * BATCH;
    if (before && after) serverCpu.push((cpuSecondsBetween(before, after) * 1e6) / rewards);
    clientCpu.push((client.user + client.system) / rewards);
    rates.push(rewards / result.seconds);
    p50.push(quantile(result.latenciesMs, 0.5));
    p99.push(quantile(result.latenciesMs, 0.99));
  }
  // The single-process levels keep their names (`serve.c8.…`), so older results compare.
  const prefix = workers === 1 ? `serve.c${concurrency}` : `serve.workers${workers}.c${concurrency}`;
  const setting = `${workers === 1 ? "one server process" : `--workers ${workers}`}, ${concurrency} client(s)`;
  const figures = [
    figure({
      name: `${prefix}.rewards_per_second`,
      unit: "rewards/s",
      better: "higher",
      samples: rates,
      note: `${setting}, ${BATCH}-item batches over loopback; 1-min load average ${load} at start`,
    }),
    figure({
      name: `${prefix}.ratio_to_in_process`,
      unit: "×",
      better: "higher",
      samples: rates.map((value) => value / options.inProcessRate),
    }),
    figure({ name: `${prefix}.p50_ms`, unit: "ms", better: "lower", samples: p50 }),
    figure({ name: `${prefix}.p99_ms`, unit: "ms", better: "lower", samples: p99 }),
    figure({
      name: `${prefix}.client_cpu_us_per_reward`,
      unit: "µs",
      better: "lower",
      samples: clientCpu,
      note: "the bench process's own CPU (it shares the machine's cores with the server)",
    }),
  ];
  if (serverCpu.length > 0) {
    figures.push(
      figure({
        name: `${prefix}.server_cpu_us_per_reward`,
        unit: "µs",
        better: "lower",
        samples: serverCpu,
        note: "user + system CPU (/proc) of the server's processes (primary and workers) per reward: CPU time, which other jobs on the machine barely change",
      }),
    );
  }
  return figures;
}

/**
 * `pnpm serve` in a child process (one process, then `--workers 2`), closed-loop clients in this one
 * (each with one 1,024-item `POST /v1/score` in flight on a keep-alive connection) at 1, 8 and 64
 * clients: rewards per second, the ratio to in-process scoring of the same items, p50/p99 latency per
 * batch, and the CPU time per reward of the server's processes and of the clients.
 */
export async function serveBenchmark(options: { repoRoot: string; quick?: boolean }): Promise<Figure[]> {
  const runs = options.quick ? 1 : 3;
  const durationMs = options.quick ? 1500 : 4000;
  const { items, source } = loadItems(options.repoRoot);
  const body = Buffer.from(JSON.stringify({ items }));
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
  const injectedRuns: { rate: number; cpuMicrosPerReward: number }[] = [];
  for (let run = 0; run < runs * 3; run++) injectedRuns.push(await injected(body, options.quick ? 20 : 60));
  const figures: Figure[] = [
    inProcessFigure,
    inProcessCpu,
    figure({
      name: "serve.in_process_http.rewards_per_second",
      unit: "rewards/s",
      better: "higher",
      samples: injectedRuns.map((run) => run.rate),
      note: "the same batches through the whole server in this process (JSON parse, validation, scoring, serialisation; Fastify inject, no sockets)",
    }),
    figure({
      name: "serve.in_process_http.cpu_us_per_reward",
      unit: "µs",
      better: "lower",
      samples: injectedRuns.map((run) => run.cpuMicrosPerReward),
      note: "CPU time of the whole server path per reward, no sockets",
    }),
  ];

  for (const workers of [...new Set(LEVELS.map((level) => level.workers))]) {
    const server = await startServer(options.repoRoot, workers);
    try {
      await runLoad({ url: server.url, body, concurrency: 8, durationMs: 1000, check }); // warm up
      for (const level of LEVELS.filter((candidate) => candidate.workers === workers)) {
        figures.push(
          ...(await measureLevel({
            server,
            workers,
            concurrency: level.concurrency,
            runs,
            durationMs,
            body,
            check,
            inProcessRate: inProcessFigure.median,
          })),
        );
      }
    } finally {
      const exited = new Promise((resolve) => server.child.once("exit", resolve));
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill("SIGTERM");
        await exited;
      }
    }
  }
  return figures;
}
