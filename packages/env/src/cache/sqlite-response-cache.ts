import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "libsql";
import { ENV_ERROR_CODES, EnvError } from "../env-error.js";
import type { CacheEntryInfo, CachedReply, ResponseCacheStore } from "./response-cache-store.js";

/** Options of {@link openSqliteResponseCache}. */
export interface OpenSqliteResponseCacheOptions {
  /** The database file (created with its folder when missing). */
  path: string;
  /** How long a writer waits for another process's lock, in ms (default 10 000). */
  busyTimeoutMs?: number;
  /** Clock of `created_at` (default `Date.now`). */
  now?: () => number;
}

/** Replies of one model at one endpoint, as {@link SqliteResponseCache.stats} counts them. */
export interface ResponseCacheModelStats {
  modelId: string;
  endpoint: string;
  entries: number;
}

/** What a response cache holds. */
export interface ResponseCacheStats {
  path: string;
  entries: number;
  /** Size of the database file and its write-ahead log, in bytes. */
  bytes: number;
  byModel: ResponseCacheModelStats[];
  /** ISO times of the oldest and newest reply; null when empty. */
  oldest: string | null;
  newest: string | null;
}

/** A response cache in an SQLite file that several processes can share. */
export interface SqliteResponseCache extends ResponseCacheStore {
  readonly path: string;
  stats(): ResponseCacheStats;
  /** Remove every reply (or those of one model); returns how many were removed. */
  clear(options?: { modelId?: string }): number;
  close(): void;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS responses (
  key TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  reply TEXT NOT NULL,
  created_at INTEGER NOT NULL
)`;

function fileBytes(path: string): number {
  let total = 0;
  for (const file of [path, `${path}-wal`]) {
    try {
      total += statSync(file).size;
    } catch {
      // no such file (no WAL yet)
    }
  }
  return total;
}

/** A stored reply, or undefined when the text is not one (not JSON, or no `text` string). */
function parseReply(text: string): CachedReply | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || typeof (value as CachedReply).text !== "string") {
      return undefined;
    }
    return value as CachedReply;
  } catch {
    return undefined;
  }
}

/**
 * Open (or create) an SQLite response cache. It uses write-ahead logging and a busy timeout, so
 * several evaluations (processes) can read and write it at once; the first reply stored for a key wins.
 * Throws {@link EnvError} (`cache_unavailable`) naming the file when it cannot be opened.
 */
export function openSqliteResponseCache(options: OpenSqliteResponseCacheOptions): SqliteResponseCache {
  const { path } = options;
  const now = options.now ?? Date.now;
  let database: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    database = new Database(path);
    database.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 10_000))}`);
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.exec(SCHEMA);
  } catch (error) {
    throw new EnvError({
      code: ENV_ERROR_CODES.cacheUnavailable,
      message: `cannot open the response cache ${path}: ${(error as Error).message}`,
      cause: error,
    });
  }
  const select = database.prepare<[string]>("SELECT reply FROM responses WHERE key = ?");
  const insert = database.prepare(
    "INSERT OR IGNORE INTO responses (key, model, endpoint, reply, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const remove = database.prepare<[string]>("DELETE FROM responses WHERE key = ?");
  return {
    path,
    get(key) {
      const row = select.get(key) as { reply: string } | undefined;
      if (!row) return undefined;
      const reply = parseReply(row.reply);
      // A damaged entry is dropped, so the reply the model gives next is stored in its place.
      if (!reply) remove.run(key);
      return reply;
    },
    set(key: string, reply: CachedReply, info: CacheEntryInfo) {
      insert.run(key, info.modelId, info.endpoint, JSON.stringify(reply), now());
    },
    stats() {
      const totals = database
        .prepare<[]>(
          "SELECT COUNT(*) AS entries, MIN(created_at) AS oldest, MAX(created_at) AS newest FROM responses",
        )
        .get() as { entries: number; oldest: number | null; newest: number | null };
      // Column by column: libsql's rows carry an extra `_metadata` property that must not reach the stats.
      const byModel = (
        database
          .prepare<[]>(
            "SELECT model AS modelId, endpoint, COUNT(*) AS entries FROM responses GROUP BY model, endpoint ORDER BY model, endpoint",
          )
          .all() as ResponseCacheModelStats[]
      ).map(({ modelId, endpoint, entries }) => ({ modelId, endpoint, entries }));
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      return {
        path,
        entries: totals.entries,
        bytes: fileBytes(path),
        byModel,
        oldest: iso(totals.oldest),
        newest: iso(totals.newest),
      };
    },
    clear(clearOptions = {}) {
      const result =
        clearOptions.modelId === undefined
          ? database.prepare("DELETE FROM responses").run()
          : database.prepare("DELETE FROM responses WHERE model = ?").run(clearOptions.modelId);
      try {
        database.exec("VACUUM");
      } catch {
        // Another process holds the file (a run in progress): the replies are gone, the space comes back later.
      }
      return result.changes;
    },
    close() {
      if (database.open) database.close();
    },
  };
}
