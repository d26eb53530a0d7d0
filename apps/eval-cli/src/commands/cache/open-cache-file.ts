import { existsSync } from "node:fs";
import { openSqliteResponseCache, type SqliteResponseCache } from "@sv/env/cache";
import { CliError } from "../../cli-error.js";

/**
 * The response cache at `path` for `eval cache stats|clear`, or undefined when there is none yet (a
 * command that only reads or empties the cache never creates it). A file that is not a cache is one
 * error line saying how to start over.
 */
export function openCacheFile(path: string): SqliteResponseCache | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return openSqliteResponseCache({ path });
  } catch (error) {
    throw new CliError({
      message: `${(error as Error).message} (move or delete the file to start an empty cache)`,
      cause: error,
    });
  }
}
