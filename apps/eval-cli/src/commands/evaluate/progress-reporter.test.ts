import { describe, expect, it } from "vitest";
import { createProgressReporter, formatProgress } from "./progress-reporter.js";

const progress = { done: 50, total: 200, errors: 1, retries: 3, meanReward: 1.2346, elapsedMs: 10_000 };

describe("progress", () => {
  it("shows done/total, rate, ETA, mean reward, errors and retries", () => {
    expect(formatProgress("m", progress)).toBe(
      "m 50/200 (25%) 5.0/s ETA 30s reward 1.235 errors 1 retries 3",
    );
  });

  it("shows the mean reward as n/a while no rollout has been scored", () => {
    expect(formatProgress("m", { ...progress, done: 4, errors: 4, meanReward: 0 })).toContain(
      "reward n/a errors 4",
    );
  });

  it("prints plain periodic lines when not a terminal, and redraws one line on a terminal", () => {
    let clock = 0;
    let plain = "";
    const reporter = createProgressReporter({
      stream: { write: (text: string) => (plain += text) },
      isTTY: false,
      label: "m",
      now: () => clock,
      intervalMs: 1000,
    });
    reporter.update(progress);
    clock = 500;
    reporter.update({ ...progress, done: 60 });
    clock = 1500;
    reporter.update({ ...progress, done: 70 });
    reporter.finish();
    expect(
      plain
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split(" ")[1]),
    ).toEqual(["50/200", "70/200", "70/200"]);
    let tty = "";
    const terminal = createProgressReporter({
      stream: { write: (text: string) => (tty += text) },
      isTTY: true,
      label: "m",
    });
    terminal.update(progress);
    terminal.finish();
    expect(tty.startsWith("\r\x1b[2K")).toBe(true);
    expect(tty.endsWith("\n")).toBe(true);
  });
});
