import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireShared, type SharedPath } from "../../../../vitest.shared.js";

const here = dirname(fileURLToPath(import.meta.url));

/** The project's own build-data fixtures. */
export const fixturesDir = join(here, "..", "..", "..", "..", "fixtures", "build-data");

/**
 * The shared real raw samples (`../shared/datasets/raw`, read-only, never copied into the repo). Tests
 * that read them skip with one line when they are missing (`it.skipIf(!raw.available)`); under CI that
 * is a failure.
 */
export function requireRawSamples(): SharedPath {
  return requireShared(join("datasets", "raw"), "the real raw dataset samples");
}
