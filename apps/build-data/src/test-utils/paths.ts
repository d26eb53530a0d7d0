import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedDir } from "../../../../vitest.shared.js";

const here = dirname(fileURLToPath(import.meta.url));

/** The project's own build-data fixtures. */
export const fixturesDir = join(here, "..", "..", "..", "..", "fixtures", "build-data");

/** The shared real raw samples (read-only; never copied into the repo). */
export const rawDir = join(sharedDir, "datasets", "raw");
