import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Row } from "../row-schema.js";
import { createSeededRandom, shuffleInPlace } from "../seeded-random.js";
import { createRowSelector, DEFAULT_SELECTION_SEED, selectRows } from "./row-selector.js";

const rowArbitrary = fc.record({
  question: fc.integer({ min: 0, max: 1000 }).map((port) => `Log Entry: id.resp_p=${port}`),
  answer: fc.constantFrom("Malicious" as const, "Benign" as const),
  meta: fc.record({
    source: fc.constant("test"),
    split: fc.option(fc.constantFrom("train", "dev", "test"), { nil: undefined }),
  }),
});

/** The definition of `head`: filter by split (default test when present), shuffle with the seed, then cap. */
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
  return seed === undefined ? { rows: kept, split: chosen } : { rows: kept, split: chosen, seed };
}

const labelled = (count: number, answer: "Malicious" | "Benign", from = 0): Row[] =>
  Array.from({ length: count }, (_, index) => ({
    question: `Log Entry: id.resp_p=${from + index}`,
    answer,
    meta: { source: "test", split: "test" },
  }));

const countBy = (rows: Row[]) =>
  rows.reduce<Record<string, number>>((counts, row) => {
    counts[row.answer] = (counts[row.answer] ?? 0) + 1;
    return counts;
  }, {});

describe("selectRows", () => {
  it("with sampling head, streams to the same result as filter → shuffle → cap", () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary as fc.Arbitrary<Row>, { maxLength: 40 }),
        fc.option(fc.constantFrom("train", "dev", "test", "all"), { nil: undefined }),
        fc.option(fc.integer(), { nil: undefined }),
        fc.option(fc.nat(50), { nil: undefined }),
        (rows, split, seed, maxExamples) => {
          expect(selectRows(rows, { split, seed, maxExamples, sampling: "head" })).toEqual(
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
    const explicit = createRowSelector({ split: "train", maxExamples: 2, sampling: "head" });
    expect([explicit.add(row("train")), explicit.add(row("test")), explicit.add(row("train"))]).toEqual([
      true,
      true,
      false,
    ]);
    const byDefault = createRowSelector({ maxExamples: 1, sampling: "head" });
    expect([byDefault.add(row("train")), byDefault.add(row("test"))]).toEqual([true, false]);
    expect(byDefault.finish().split).toBe("test");
    const seeded = createRowSelector({ seed: 1, maxExamples: 1, sampling: "head" });
    expect(seeded.add(row("test"))).toBe(true);
    const stratified = createRowSelector({ split: "train", maxExamples: 1 });
    expect([stratified.add(row("train")), stratified.add(row("train"))]).toEqual([true, true]);
  });

  it("rejects a bad maxExamples", () => {
    expect(() => selectRows([], { maxExamples: -1 })).toThrow(
      /maxExamples must be a non-negative integer, got -1/,
    );
  });

  it("rejects a bad seed or sampling", () => {
    expect(() => selectRows([], { seed: 1.5 })).toThrow(/seed must be an integer, got 1.5/);
    expect(() => selectRows([], { sampling: "first" as never })).toThrow(
      /sampling must be "stratified" or "head"/,
    );
  });
});

describe("selectRows: maxExamples draws a seeded, label-stratified sample", () => {
  // A built split file grouped by label: all Malicious rows first, as `-n 100` saw it.
  const grouped = [...labelled(600, "Malicious"), ...labelled(300, "Benign", 600)];

  it("keeps each label's share of a grouped split instead of the first rows, with the default seed", () => {
    const selected = selectRows(grouped, { maxExamples: 100 });
    expect(selected.rows).toHaveLength(100);
    expect(countBy(selected.rows)).toEqual({ Malicious: 67, Benign: 33 });
    expect(selected.seed).toBe(DEFAULT_SELECTION_SEED);
    expect(selectRows(grouped, { maxExamples: 100, seed: DEFAULT_SELECTION_SEED })).toEqual(selected);
    // In a shuffled order, not grouped by label.
    expect(selected.rows.slice(0, 20).some((row) => row.answer === "Benign")).toBe(true);
    expect(selected.rows.slice(0, 20).some((row) => row.answer === "Malicious")).toBe(true);
  });

  it("is deterministic for a seed, differs between seeds, and only returns rows of the split", () => {
    const first = selectRows(grouped, { maxExamples: 50, seed: 7 });
    expect(selectRows(grouped, { maxExamples: 50, seed: 7 })).toEqual(first);
    expect(selectRows(grouped, { maxExamples: 50, seed: 8 }).rows).not.toEqual(first.rows);
    expect(first.seed).toBe(7);
    const questions = new Set(grouped.map((row) => row.question));
    expect(first.rows.every((row) => questions.has(row.question))).toBe(true);
    expect(new Set(first.rows.map((row) => row.question)).size).toBe(50);
  });

  it("gives every label its largest-remainder share, whatever the counts (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(60),
        fc.nat(60),
        fc.nat(130),
        fc.integer(),
        (malicious, benign, maxExamples, seed) => {
          const rows = [...labelled(malicious, "Malicious"), ...labelled(benign, "Benign", 1000)];
          const selected = selectRows(rows, { maxExamples, seed, split: "all" });
          const total = malicious + benign;
          const taken = Math.min(maxExamples, total);
          expect(selected.rows).toHaveLength(taken);
          const counts = countBy(selected.rows);
          for (const [label, count] of [
            ["Malicious", malicious],
            ["Benign", benign],
          ] as const) {
            const share = total === 0 ? 0 : (taken * count) / total;
            expect(Math.abs((counts[label] ?? 0) - share)).toBeLessThan(1);
          }
          expect(new Set(selected.rows.map((row) => row.question)).size).toBe(taken);
        },
      ),
    );
  });

  it("draws every row with about the same chance (reservoirs are uniform)", () => {
    const rows = [...labelled(40, "Malicious"), ...labelled(40, "Benign", 100)];
    const picked = new Map<string, number>();
    const draws = 400;
    for (let seed = 0; seed < draws; seed++) {
      for (const row of selectRows(rows, { maxExamples: 20, seed }).rows) {
        picked.set(row.question, (picked.get(row.question) ?? 0) + 1);
      }
    }
    // Each row's chance is 10/40 per draw: 100 of 400 expected; a fixed or biased pick is far outside.
    expect(picked.size).toBe(rows.length);
    for (const count of picked.values()) {
      expect(count).toBeGreaterThan(60);
      expect(count).toBeLessThan(140);
    }
  });

  it("keeps the file order and reports no seed when nothing is drawn", () => {
    const selected = selectRows(grouped, {});
    expect(selected.rows).toEqual(grouped);
    expect(selected).not.toHaveProperty("seed");
  });

  it("samples the default test split, and all rows when there is none", () => {
    const mixed: Row[] = [
      ...labelled(10, "Malicious").map((row) => ({ ...row, meta: { ...row.meta, split: "train" } })),
      ...labelled(10, "Benign", 50),
      ...labelled(10, "Malicious", 100),
    ];
    const selected = selectRows(mixed, { maxExamples: 4 });
    expect(selected.split).toBe("test");
    expect(countBy(selected.rows)).toEqual({ Malicious: 2, Benign: 2 });
    expect(selected.rows.every((row) => row.meta.split === "test")).toBe(true);
    const noSplits = labelled(6, "Benign").map((row) => ({ ...row, meta: { source: "test" } }));
    expect(selectRows(noSplits, { maxExamples: 3 })).toMatchObject({ split: "all", seed: 0 });
  });
});
