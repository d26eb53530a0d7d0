// A loopback OpenAI-compatible server answering every request after DELAY_MS (default 100 ms), run in
// its own process so its CPU is not counted as the client's. Prints its base URL on stdout, then reads
// commands on stdin, one a line: `reset` clears the counters, `stats` prints one JSON line
// {count, firstArrivalMs, lastArrivalMs, delayMs, cpuMs} (cpuMs: this process's CPU since the reset).
// Exits when stdin closes.
import { createInterface } from "node:readline";
import { startOpenAIServer } from "@sv/test-utils";

const delayMs = Number(process.env.DELAY_MS ?? 100);
const content = JSON.stringify({ label: "Malicious", confidence: 0.8, rationale: "bench" });
let count = 0;
let firstArrivalMs = Number.NaN;
let lastArrivalMs = Number.NaN;
let cpuAtReset = process.cpuUsage();
const server = await startOpenAIServer({
  record: false,
  handle: () => {
    const now = performance.now();
    if (count === 0) firstArrivalMs = now;
    lastArrivalMs = now;
    count++;
    return { type: "reply", content, delayMs };
  },
});
process.stdout.write(`${server.baseURL}\n`);
const commands = createInterface({ input: process.stdin });
commands.on("line", (line) => {
  if (line === "reset") {
    count = 0;
    firstArrivalMs = Number.NaN;
    lastArrivalMs = Number.NaN;
    cpuAtReset = process.cpuUsage();
    process.stdout.write("ok\n");
  } else if (line === "stats") {
    const cpu = process.cpuUsage(cpuAtReset);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    process.stdout.write(`${JSON.stringify({ count, firstArrivalMs, lastArrivalMs, delayMs, cpuMs })}\n`);
  }
});
commands.on("close", () => void server.close().then(() => process.exit(0)));
