import { defineConfig } from "vitest/config";
import { projectConfig } from "../vitest.shared.js";

export const config = defineConfig(
  projectConfig({ include: ["**/*.soak.test.ts"], testTimeout: 30 * 60_000, hookTimeout: 5 * 60_000 }),
);
// biome-ignore lint/style/noDefaultExport: required by vitest
export default config;
