import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Row } from "../row-schema.js";
import { createSeededRandom, shuffleInPlace } from "../seeded-random.js";
import { createRowSelector, selectRows } from "./row-selector.js";

const rowArbitrary = fc.record({
  question: fc.integer({ min: 0, max: 1000 }).map((port) => `Log Entry: id.resp_p=${port}`),
  answer: fc.constantFrom("Malicious" as const, "Benign" as const),
  meta: fc.record({
    source: fc.constant("test"),
    split: fc.option(fc.constantFrom("train", "dev", "test"), { nil: undefined }),
  }),
});

/** The definition: filter by split (default test when present), shuffle with the seed, then cap. */
function reference(
  rows: Row[],
  split: string | undefined,
  seed: number | undefined,
  maxExamples: number | undefined,
) {
  const chosen = split ?? (rows.some((row) => row.meta.split === "test") ? "test" : "all");
  let kept = chosen === "all" ? rows : rows.filter((row) => row.meta.split === chosen);
  if (seed !== undefined) kept = shuffleInPlace([...kept], createSeededRandom(seed));
  if (maxExamples !== undefined) kept = kept.slice(0, maxExamples);
  return { rows: kept, split: chosen };
}

describe("selectRows", () => {
  it("streams to the same result as filter → shuffle → cap", () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary as fc.Arbitrary<Row>, { maxLength: 40 }),
        fc.option(fc.constantFrom("train", "dev", "test", "all"), { nil: undefined }),
        fc.option(fc.integer(), { nil: undefined }),
        fc.option(fc.nat(50), { nil: undefined }),
        (rows, split, seed, maxExamples) => {
          expect(selectRows(rows, { split, seed, maxExamples })).toEqual(
            reference(rows, split, seed, maxExamples),
          );
        },
      ),
    );
  });

  it("asks to stop reading once a capped, unseeded selection is known", () => {
    const row = (split: string): Row => ({
      question: "Log Entry: proto=tcp",
      answer: "Benign",
      meta: { source: "t", split },
    });
    const explicit = createRowSelector({ split: "train", maxExamples: 2 });
    expect([explicit.add(row("train")), explicit.add(row("test")), explicit.add(row("train"))]).toEqual([
      true,
      true,
      false,
    ]);
    const byDefault = createRowSelector({ maxExamples: 1 });
    expect([byDefault.add(row("train")), byDefault.add(row("test"))]).toEqual([true, false]);
    expect(byDefault.finish().split).toBe("test");
    const seeded = createRowSelector({ seed: 1, maxExamples: 1 });
    expect(seeded.add(row("test"))).toBe(true);
  });

  it("rejects a bad maxExamples", () => {
    expect(() => selectRows([], { maxExamples: -1 })).toThrow(
      /maxExamples must be a non-negative integer, got -1/,
    );
  });
});
