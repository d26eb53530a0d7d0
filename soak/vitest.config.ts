import { defineConfig } from "vitest/config";
import { projectConfig } from "../vitest.shared.js";

export const config = defineConfig(
  projectConfig({
    include: ["**/*.soak.test.ts"],
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
    // One file at a time: the eval suites time requests (--timeout) and must not starve each other.
    fileParallelism: false,
  }),
);
// biome-ignore lint/style/noDefaultExport: required by vitest
export default config;
