import { createRequire } from "node:module";

/** The `@sv/env` package version, written into run outputs. */
export const ENV_VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string })
  .version;

/** The environment's id, as the original names it. */
export const ENV_ID = "sv-env-network-logs";
