// A loopback OpenAI-compatible server answering every request after DELAY_MS (default 100 ms).
// Prints its base URL on stdout, then serves until killed. Run it in its own process for benchmarks.
import { startOpenAIServer } from "@sv/test-utils";

const delayMs = Number(process.env.DELAY_MS ?? 100);
const content = JSON.stringify({ label: "Malicious", confidence: 0.8, rationale: "bench" });
const server = await startOpenAIServer({
  record: false,
  handle: () => ({ type: "reply", content, delayMs }),
});
process.stdout.write(`${server.baseURL}\n`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
