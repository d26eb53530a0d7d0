import { describe, expect, it } from "vitest";
import { timeRatio } from "./time-ratio.js";

/** A clock that only moves when the "work" runs: `cost(size)` ms per run, plus a pause on some batches. */
function fakeWork(cost: (size: number) => number, pauseEvery = 0) {
  let time = 0;
  let runs = 0;
  return {
    now: () => time,
    run: (size: number) => {
      runs++;
      time += cost(size) + (pauseEvery && runs % pauseEvery === 0 ? 1_000 : 0);
    },
  };
}

describe("timeRatio", () => {
  it("measures a linear cost as the size factor and a quadratic one as its square", () => {
    const linear = fakeWork((size) => size / 1000);
    expect(timeRatio({ build: (size) => size, size: 10_000, ...linear }).ratio).toBeCloseTo(4, 9);
    const quadratic = fakeWork((size) => (size / 1000) ** 2);
    expect(timeRatio({ build: (size) => size, size: 10_000, ...quadratic }).ratio).toBeCloseTo(16, 9);
  });

  it("repeats short runs up to the minimum batch time", () => {
    const measured = timeRatio({
      build: (size) => size,
      size: 1_000,
      minBatchMs: 20,
      ...fakeWork((size) => size / 1000),
    });
    expect(measured.repetitions).toBe(32);
    expect(measured).toMatchObject({ smallMs: 32, largeMs: 128 });
  });

  it("ignores pauses (other processes) that hit some of the batches", () => {
    const paused = fakeWork((size) => size / 1000, 7);
    expect(timeRatio({ build: (size) => size, size: 1_000, batches: 9, ...paused }).ratio).toBeCloseTo(4, 9);
  });
});
