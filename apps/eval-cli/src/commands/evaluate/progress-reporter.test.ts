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

  it("shows ETA and reward n/a before the first rollout, and never divides by zero", () => {
    expect(
      formatProgressBar("m", { done: 0, total: 10, errors: 0, retries: 0, meanReward: 0, elapsedMs: 0 }, 4),
    ).toBe("m [░░░░] 0/10 0% 0.0/s ETA n/a reward n/a errors 0");
    expect(
      formatProgress("m", { done: 0, total: 0, errors: 0, retries: 0, meanReward: Number.NaN, elapsedMs: 0 }),
    ).toBe("m 0/0 (100%) 0.0/s ETA 0s reward n/a errors 0 retries 0");
    const line = formatProgressBar(
      "m",
      { done: 3, total: 2, errors: 0, retries: 0, meanReward: Number.NaN, elapsedMs: 0 },
      4,
    );
    expect(line).toBe("m [████] 3/2 100% 0.0/s ETA 0s reward n/a errors 0");
  });

  it("cuts the bar to the terminal's width, so redrawing it in place leaves no wrapped rows", () => {
    let tty = "";
    let columns = 40;
    const terminal = createProgressReporter({
      stream: { write: (text: string) => (tty += text) },
      isTTY: true,
      label: "gpt-4.1-mini",
      columns: () => columns,
    });
    terminal.update({ ...progress, costUsd: 0.0123, cached: 4 });
    // Resized to 5 columns fewer than the full line needs (one kept free): the bar gives up 6 cells.
    columns = [...formatProgressBar("gpt-4.1-mini", { ...progress, costUsd: 0.0123, cached: 4 })].length - 5;
    terminal.finish();
    const drawn = tty.split("\r\x1b[2K").filter(Boolean);
    // 40 columns: the bar shrinks to 8 cells and the line is still cut; then only the bar shrinks.
    expect([...drawn[0]!]).toHaveLength(39);
    expect(drawn[0]!).toMatch(/^gpt-4\.1-mini \[██░░░░░░\] 50\/200 25% .*…$/);
    const wide = drawn[1]!.trimEnd();
    expect([...wide].length).toBe(columns - 1);
    expect(wide).toMatch(/^gpt-4\.1-mini \[[█░]{18}\] 50\/200 .* cost \$0\.0123 cached 4$/);
    expect(tty.match(/\n/g)).toHaveLength(1);
  });

  it("writes messages on their own lines above the bar, then draws the bar again", () => {
    let tty = "";
    const terminal = createProgressReporter({
      stream: { write: (text: string) => (tty += text) },
      isTTY: true,
      label: "m",
      barWidth: 4,
    });
    terminal.log("before any bar\n");
    terminal.update(progress);
    terminal.log("retry 1 of example 3/0 after rate_limit, waiting 500 ms\n");
    terminal.finish();
    const bar = "m [█░░░] 50/200 25% 5.0/s ETA 30s reward 1.235 errors 1 retries 3";
    expect(tty).toBe(
      `before any bar\n\r\x1b[2K${bar}\r\x1b[2Kretry 1 of example 3/0 after rate_limit, waiting 500 ms\n${bar}\r\x1b[2K${bar}\n`,
    );
    let plain = "";
    const piped = createProgressReporter({
      stream: { write: (text: string) => (plain += text) },
      isTTY: false,
      label: "m",
    });
    piped.update(progress);
    piped.log("a message\n");
    piped.finish();
    expect(plain).not.toMatch(/\r|\x1b|█/);
    expect(plain.split("\n")[1]).toBe("a message");
  });
});
