import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

/**
 * Read `.env` in `cwd` into `env` without overriding variables already set. Returns the names loaded
 * (never the values, which are secrets).
 */
export function loadDotenv(cwd: string, env: Record<string, string | undefined>): string[] {
  const path = join(cwd, ".env");
  if (!existsSync(path)) return [];
  const parsed = parseEnv(readFileSync(path, "utf8")) as Record<string, string>;
  const loaded: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    loaded.push(name);
  }
  return loaded;
}
