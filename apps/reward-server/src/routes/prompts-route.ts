import { Readable } from "node:stream";
import type { Row } from "@sv/dataset";
import type { FastifyInstance } from "fastify";
import { openPrompts } from "../prompts/open-prompts.js";
import { promptLine } from "../prompts/prompt-line.js";
import { parsePromptsQuery } from "../prompts/prompts-query.js";
import type { ServerContext } from "../server/server-context.js";

const BATCH_BYTES = 64 * 1024;

async function* jsonLines(rows: AsyncIterable<Row>, systemPrompt: string): AsyncGenerator<string> {
  let chunk = "";
  let exampleId = 0;
  for await (const row of rows) {
    chunk += promptLine({ exampleId: exampleId++, row, systemPrompt });
    if (chunk.length >= BATCH_BYTES) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/**
 * `GET /v1/prompts?dataset=&source=&split=&limit=&seed=`: the environment's prompts as JSONL
 * (`{example_id, prompt, answer, info}`), streamed, chosen by `pnpm eval`'s loader tiers. The tier,
 * dataset and split served are in `x-sv-dataset-*` headers.
 */
export function registerPromptsRoute(app: FastifyInstance, context: ServerContext): void {
  app.get("/v1/prompts", async (request, reply) => {
    const query = parsePromptsQuery(request.query);
    const controller = new AbortController();
    // The response closes when it is finished or when the client goes away: stop reading either way.
    reply.raw.once("close", () => controller.abort());
    const opened = await openPrompts({
      query,
      dataDir: context.dataDir,
      hub: context.hub,
      demoPath: context.demoPath,
      signal: controller.signal,
    });
    const stream = Readable.from(jsonLines(opened.rows, context.systemPrompt), { objectMode: false });
    stream.once("error", (error) => {
      context.metrics.addError("/v1/prompts", "stream_failed");
      context.log(`GET /v1/prompts: stopped mid-stream: ${error.message}`);
    });
    return reply
      .type("application/x-ndjson; charset=utf-8")
      .header("x-sv-dataset", opened.origin.name)
      .header("x-sv-dataset-tier", opened.origin.tier)
      .header("x-sv-dataset-split", opened.split)
      .send(stream);
  });
}
