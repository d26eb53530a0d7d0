import { describe, expect, it } from "vitest";
import { createRestartBudget } from "./restart-budget.js";

describe("createRestartBudget", () => {
  it("allows `limit` crashes within the window, refuses the next, and forgets crashes older than it", () => {
    let time = 0;
    const budget = createRestartBudget({ limit: 2, windowMs: 1000, now: () => time });
    expect(budget.allowRestart()).toBe(true);
    time = 10;
    expect(budget.allowRestart()).toBe(true);
    time = 20;
    expect(budget.allowRestart()).toBe(false);

    const spaced = createRestartBudget({ limit: 2, windowMs: 1000, now: () => time });
    for (let crash = 0; crash < 10; crash++) {
      time += 600;
      expect(spaced.allowRestart()).toBe(true);
    }
  });
});
