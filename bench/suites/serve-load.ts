import { Agent, request } from "node:http";

/** One load level's outcome. */
export interface LoadResult {
  batches: number;
  seconds: number;
  /** Per-batch latency, request written to last response byte, in ms (sorted). */
  latenciesMs: number[];
}

/** Options of {@link runLoad}. */
export interface RunLoadOptions {
  url: URL;
  body: Buffer;
  /** Clients, each with one request in flight at a time on its own keep-alive connection. */
  concurrency: number;
  /** Stop starting batches after this long. */
  durationMs: number;
  /** Checks a response body once per client (the first), e.g. its item count. */
  check: (body: Buffer) => void;
}

function post(agent: Agent, options: RunLoadOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      options.url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": options.body.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          if (response.statusCode !== 200) {
            reject(
              new Error(
                `HTTP ${response.statusCode}: ${Buffer.concat(chunks).toString("utf8").slice(0, 200)}`,
              ),
            );
          } else resolve(Buffer.concat(chunks));
        });
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** `concurrency` closed-loop clients posting the same batch until `durationMs` is up. */
export async function runLoad(options: RunLoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const client = async () => {
    let first = true;
    while (performance.now() < deadline) {
      const sent = performance.now();
      const body = await post(agent, options);
      latencies.push(performance.now() - sent);
      if (first) options.check(body);
      first = false;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { batches: latencies.length, seconds, latenciesMs: latencies.sort((a, b) => a - b) };
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
