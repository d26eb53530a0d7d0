import { readdirSync, readFileSync, existsSync } from "node:fs";
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
      testTimeout: 20_000,
      ...overrides,
    },
  };
}

/** Where the shared data (parity vectors, raw dataset samples) lives. */
export const sharedDir = process.env.SV_SHARED_DIR ?? resolve(root, "..", "shared");
