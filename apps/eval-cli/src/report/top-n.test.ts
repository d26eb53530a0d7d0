import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TopN } from "./top-n.js";

describe("TopN", () => {
  it("keeps exactly the highest priorities, whatever the order they arrive in", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.double({ noNaN: true }).map((value) => value + 0),
          { maxLength: 200 },
        ),
        fc.integer({ min: 1, max: 20 }),
        (values, capacity) => {
          const top = new TopN<number>(capacity);
          for (const value of values) top.add(value, value);
          const expected = [...values]
            .sort((a, b) => b - a)
            .slice(0, capacity)
            .sort((a, b) => a - b);
          expect(top.items().sort((a, b) => a - b)).toEqual(expected);
        },
      ),
    );
  });
});
