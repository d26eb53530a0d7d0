import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.js";

describe("allocate", () => {
  it("shares equally and gives a scarce group's remainder to the others", () => {
    expect(
      allocate({
        total: 900,
        groups: [
          { available: 6, weight: 1 },
          { available: 5000, weight: 1 },
          { available: 300, weight: 1 },
        ],
      }),
    ).toEqual([6, 594, 300]);
  });

  it("shares in proportion to weights", () => {
    expect(
      allocate({
        total: 10,
        groups: [
          { available: 100, weight: 3 },
          { available: 100, weight: 1 },
        ],
      }),
    ).toEqual([8, 2]);
  });

  it("never exceeds availability or the total, and fills whenever it can", () => {
    fc.assert(
      fc.property(
        fc.nat(2000),
        fc.array(fc.record({ available: fc.nat(500), weight: fc.integer({ min: 0, max: 50 }) }), {
          maxLength: 12,
        }),
        (total, groups) => {
          const counts = allocate({ total, groups });
          const sum = counts.reduce((left, right) => left + right, 0);
          for (const [index, count] of counts.entries())
            expect(count).toBeLessThanOrEqual(groups[index]!.available);
          expect(sum).toBeLessThanOrEqual(total);
          const capacity = groups
            .filter((group) => group.weight > 0)
            .reduce((left, group) => left + group.available, 0);
          expect(sum).toBe(Math.min(total, capacity));
        },
      ),
    );
  });
});
