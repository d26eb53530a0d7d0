import { createRubric } from "@sv/rubric";
import { describe, expect, it } from "vitest";
import { RequestError } from "../server/request-error.js";
import { createRubricCache } from "./rubric-cache.js";

describe("createRubricCache", () => {
  it("merges a request's overrides onto the server's, key by key, and reuses built rubrics", () => {
    const cache = createRubricCache({ base: { costs: { missedAttack: -2 }, weights: { format: 0 } } });
    expect(cache.get(undefined, "rubric").costs).toEqual(createRubric({ costs: { missedAttack: -2 } }).costs);
    const merged = cache.get({ costs: { falseAlarm: -0.5 } }, "rubric");
    expect(merged.costs).toMatchObject({ missedAttack: -2, falseAlarm: -0.5 });
    expect(merged.weights.format).toBe(0);
    expect(cache.get({ costs: { falseAlarm: -0.5 } }, "rubric")).toBe(merged);
  });

  it("keys rubrics by their effective weights and costs: spelling, order and explicit defaults do not matter", () => {
    const cache = createRubricCache({ base: { costs: { missedAttack: -2 } } });
    const serverRubric = cache.get(undefined, "rubric");
    expect(cache.get({ costs: { missedAttack: -2, abstain: 0 }, weights: { format: 0.1 } }, "rubric")).toBe(
      serverRubric,
    );
    const reordered = cache.get({ weights: { calibration: 0.3, accuracy: 2 } }, "rubric");
    expect(cache.get({ weights: { accuracy: 2, calibration: 0.3 } }, "rubric")).toBe(reordered);
    expect(reordered).not.toBe(serverRubric);
    expect(reordered.weights).toMatchObject({ accuracy: 2, calibration: 0.3, format: 0.1 });
    expect(reordered.costs.missedAttack).toBe(-2);
    expect(cache.get({ costs: { falseAlarm: -0 } }, "rubric")).not.toBe(serverRubric);
  });

  it("answers impossible overrides with a 400 naming the field", () => {
    const cache = createRubricCache();
    try {
      cache.get({ weights: { accuracy: 0, format: 0, calibration: 0, asymmetric_cost: 0 } }, "rubric");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).issues[0]).toMatchObject({ path: "rubric" });
      expect((error as RequestError).message).toMatch(/at least one weight must be positive/);
    }
  });
});
