import { describe, expect, it } from "vitest";
import { createProgressReporter, formatProgress, formatProgressBar } from "./progress-reporter.js";

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

  it("draws a real bar on a terminal with rate, ETA, mean reward, errors and cost", () => {
    expect(formatProgressBar("m", { ...progress, costUsd: 0.0123, cached: 4 }, 8)).toBe(
      "m [██░░░░░░] 50/200 25% 5.0/s ETA 30s reward 1.235 errors 1 retries 3 cost $0.0123 cached 4",
    );
    expect(formatProgressBar("m", { ...progress, done: 200, retries: 0, costUsd: null }, 8)).toBe(
      "m [████████] 200/200 100% 20.0/s ETA 0s reward 1.235 errors 1 cost n/a",
    );
    expect(formatProgress("m", { ...progress, costUsd: null })).toMatch(/ cost n\/a$/);
    let clock = 0;
    let tty = "";
    const terminal = createProgressReporter({
      stream: { write: (text: string) => (tty += text) },
      isTTY: true,
      label: "m",
      now: () => clock,
      barWidth: 4,
    });
    terminal.update({ ...progress, costUsd: 0.5 });
    clock = 50; // within the terminal's 100 ms: not redrawn
    terminal.update({ ...progress, done: 100 });
    clock = 200;
    terminal.update({ ...progress, done: 150 });
    terminal.finish();
    expect(tty.split("\r\x1b[2K").filter(Boolean)).toEqual([
      "m [█░░░] 50/200 25% 5.0/s ETA 30s reward 1.235 errors 1 retries 3 cost $0.5000",
      "m [███░] 150/200 75% 15.0/s ETA 3s reward 1.235 errors 1 retries 3",
      "m [███░] 150/200 75% 15.0/s ETA 3s reward 1.235 errors 1 retries 3\n",
    ]);
  });
});
