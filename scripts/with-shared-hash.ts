/**
 * Runs a command (the root `pnpm test`: `turbo run test`) with `SV_SHARED_HASH` set to a content hash
 * of the shared data directory (`$SV_SHARED_DIR`, else `../shared`). turbo cannot list files outside
 * the repository as task inputs, so the test task lists this variable in its `env`: any change to a
 * shared file, or the directory appearing or disappearing, is a cache miss. About 10 MB, hashed in
 * well under a second.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every regular file under `dir`, as paths relative to it, in a stable order. */
function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split("\\").join("/"));
    }
  };
  walk(dir);
  return files.sort();
}

/** SHA-256 over every file's relative path and bytes; `absent` when the directory does not exist. */
export function sharedHash(dir: string): string {
  if (!existsSync(dir)) return "absent";
  const hash = createHash("sha256");
  for (const file of listFiles(dir)) {
    const bytes = readFileSync(join(dir, file));
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: with-shared-hash.ts COMMAND [ARGS...]");
  process.exit(2);
}
const sharedDir = process.env.SV_SHARED_DIR ?? resolve(repoRoot, "..", "shared");
// The repository's own tools (turbo) first, as under `pnpm run`, so the script also works when run directly.
const path = [join(repoRoot, "node_modules", ".bin"), process.env.PATH].filter(Boolean).join(delimiter);
const child = spawn(command, args, {
  stdio: "inherit",
  env: { ...process.env, PATH: path, SV_SHARED_HASH: sharedHash(sharedDir) },
});
child.on("error", (error) => {
  console.error(`cannot run ${command}: ${error.message}`);
  process.exit(127);
});
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
