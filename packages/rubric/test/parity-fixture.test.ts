import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, requireShared } from "../../../vitest.shared.js";

const shared = requireShared(join("parity", "e1-rewards.jsonl"), "the shared parity vectors");

describe("fixtures/parity/e1-rewards.jsonl", () => {
  it.skipIf(!shared.available)("is still a byte-for-byte copy of ../shared/parity/e1-rewards.jsonl", () => {
    const copy = readFileSync(join(fixturesDir, "parity", "e1-rewards.jsonl"));
    const original = readFileSync(shared.path);
    // On a mismatch: cp ../shared/parity/e1-rewards.jsonl fixtures/parity/ (see fixtures/parity/README.md).
    expect(copy.equals(original), "the fixture copy differs from the shared parity vectors").toBe(true);
  });
});
