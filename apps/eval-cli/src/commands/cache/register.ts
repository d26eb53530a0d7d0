import type { Command } from "commander";
import { responseCachePath } from "../../cache/response-cache-settings.js";
import type { EvalIo } from "../evaluate/eval-io.js";
import { loadDotenv } from "../evaluate/load-dotenv.js";
import { formatCacheStats } from "./format-cache-stats.js";
import { openCacheFile } from "./open-cache-file.js";

/** The io with `.env` loaded, so `SV_CACHE_DIR` there names the same cache `pnpm eval` uses. */
function cacheIo(makeIo: () => EvalIo): EvalIo {
  const io = makeIo();
  loadDotenv(io.cwd, io.env);
  return io;
}

/** `eval cache stats|clear`: what the response cache under `$SV_CACHE_DIR` holds, and emptying it. */
export function registerCacheCommand(program: Command, makeIo: () => EvalIo): void {
  const cache = program
    .command("cache")
    .description("the response cache ($SV_CACHE_DIR/responses.sqlite, default ~/.cache/sv-e1)");
  cache
    .command("stats")
    .description("replies cached, per model and endpoint, and the file's size")
    .option("--json", "print the figures as JSON")
    .action((options: { json?: boolean }) => {
      const io = cacheIo(makeIo);
      const path = responseCachePath(io.env);
      const store = openCacheFile(path);
      if (!store) {
        const empty = { path, entries: 0, bytes: 0, byModel: [], oldest: null, newest: null };
        io.stdout.write(
          options.json ? `${JSON.stringify(empty)}\n` : `${path}: no response cache yet (0 cached replies)\n`,
        );
        return;
      }
      try {
        const stats = store.stats();
        io.stdout.write(options.json ? `${JSON.stringify(stats)}\n` : formatCacheStats(stats));
      } finally {
        store.close();
      }
    });
  cache
    .command("clear")
    .description("remove every cached reply (or those of one model)")
    .option("-m, --model <name>", "only this model's replies")
    .action((options: { model?: string }) => {
      const io = cacheIo(makeIo);
      const path = responseCachePath(io.env);
      const of = options.model ? ` of ${options.model}` : "";
      const store = openCacheFile(path);
      if (!store) {
        io.stdout.write(`${path}: no response cache yet, nothing to remove\n`);
        return;
      }
      try {
        const removed = store.clear({ modelId: options.model });
        const left =
          removed === 0 && options.model ? store.stats().byModel.map((group) => group.modelId) : [];
        const hint = left.length > 0 ? ` (it holds replies of ${[...new Set(left)].join(", ")})` : "";
        io.stdout.write(
          `removed ${removed} cached repl${removed === 1 ? "y" : "ies"}${of} from ${store.path}${hint}\n`,
        );
      } finally {
        store.close();
      }
    });
}
