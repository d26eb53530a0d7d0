import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Candidate } from "./candidate.js";
import { Reservoir } from "./reservoir.js";

function candidate(hash: string, priority: number, line: number): Candidate {
  return { priority, hash, flow: {}, label: "Benign", family: "NA", scenario: "s", file: "f", line };
}

describe("Reservoir", () => {
  it("keeps the k distinct flows with the smallest priorities whatever the order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ hash: fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), line: fc.nat(5) }), {
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        (items, capacity, seed) => {
          // A flow's priority depends on its content only (as in the readers).
          const entries = items.map((item) =>
            candidate(item.hash, (item.hash.charCodeAt(0) * 7919) % 13, item.line),
          );
          const forward = new Reservoir(capacity);
          for (const entry of entries) if (forward.accepts(entry.priority)) forward.offer(entry);
          const shuffled = [...entries].sort(
            (left, right) =>
              ((left.line * 31 + seed) % 7) - ((right.line * 31 + seed) % 7) ||
              (left.hash < right.hash ? 1 : -1),
          );
          const backward = new Reservoir(capacity);
          for (const entry of shuffled) if (backward.accepts(entry.priority)) backward.offer(entry);
          const key = (list: Candidate[]) => list.map((item) => `${item.hash}:${item.line}`);
          expect(key(forward.sorted())).toEqual(key(backward.sorted()));
          expect(new Set(forward.sorted().map((item) => item.hash)).size).toBe(forward.size);
          expect(forward.size).toBe(Math.min(capacity, new Set(entries.map((entry) => entry.hash)).size));
        },
      ),
    );
  });
});
