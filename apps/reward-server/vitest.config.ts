import { defineConfig } from "vitest/config";
import { projectConfig } from "../../vitest.shared.js";

export const config = defineConfig(projectConfig());
// vitest loads the default export of its config file.
// biome-ignore lint/style/noDefaultExport: required by vitest
export default config;
