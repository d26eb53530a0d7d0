import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ViteUserConfig } from "vitest/config";

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Tests run against the TypeScript sources of workspace packages, never their
 * built `dist/`, so `pnpm test` needs no build step. Each package maps its
 * `exports` entries to the `@sv/source` condition; here we turn those into aliases.
 */
function workspaceAliases(): { find: string | RegExp; replacement: string }[] {
  const aliases: { find: RegExp; replacement: string }[] = [];
  for (const group of ["packages", "apps"]) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir)) {
      const manifestPath = join(groupDir, entry, "package.json");
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
        name: string;
        exports?: Record<string, { "@sv/source"?: string }>;
      };
      for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
        const source = target["@sv/source"];
        if (!source) continue;
        const specifier = subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
        const escaped = specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
        aliases.push({ find: new RegExp(`^${escaped}$`), replacement: resolve(groupDir, entry, source) });
      }
    }
  }
  return aliases;
}

/** Shared vitest configuration for every workspace project. */
export function projectConfig(overrides: ViteUserConfig["test"] = {}): ViteUserConfig {
  return {
    resolve: { alias: workspaceAliases() },
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
      // Hang detectors, not speed limits. The heaviest test (two full builds from the real samples) needs
      // ~3 s of CPU; with the whole suite running beside two busy cores it got under 5% of a core and took
      // over 60 s. 180 s still stops a hung test.
      testTimeout: 180_000,
      hookTimeout: 180_000,
      ...overrides,
    },
  };
}

/** The project's own test fixtures (`fixtures/` at the repository root). */
export const fixturesDir = join(root, "fixtures");

/**
 * Where the shared data lives: `$SV_SHARED_DIR`, else `../shared` beside the clone. Only the real raw
 * dataset samples are read from there; the parity vectors are copied into `fixtures/parity`.
 */
export const sharedDir = process.env.SV_SHARED_DIR ?? resolve(root, "..", "shared");

/** True under CI: `CI` is set to anything but empty, `0` or `false` (CI services set `CI=true`, `.ci/run` `CI=1`). */
export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

/** A path inside the shared data directory, and whether it is there. */
export interface SharedPath {
  /** The absolute path (also when it is missing, so tests can build paths at module level). */
  path: string;
  available: boolean;
}

const reported = new Set<string>();

/**
 * Look up `relative` (e.g. `datasets/raw`) in the shared data directory. When it is missing, a test run
 * prints one line saying what is missing and where it looked, and the caller skips
 * (`it.skipIf(!shared.available)`); under CI it throws instead, so CI never passes without the data.
 */
export function requireShared(relative: string, what: string): SharedPath {
  const path = join(sharedDir, relative);
  if (existsSync(path)) return { path, available: true };
  const missing = `${what}: ${path} not found`;
  if (isCi()) {
    throw new Error(`${missing}; CI runs every test: put ../shared beside the clone or set SV_SHARED_DIR`);
  }
  if (!reported.has(path)) {
    reported.add(path);
    console.warn(`skipped: tests that need ${missing} (set SV_SHARED_DIR; under CI this fails)`);
  }
  return { path, available: false };
}
