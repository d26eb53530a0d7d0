import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateLimitGate } from "./rate-limit-gate.js";

/** A gate on a fake clock whose sleep advances the clock (and can run a hook mid-sleep). */
function fakeGate() {
  const clock = { now: 1_000, sleeps: [] as number[], during: undefined as (() => void) | undefined };
  const gate = new RateLimitGate({
    now: () => clock.now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      clock.sleeps.push(ms);
      const hook = clock.during;
      clock.during = undefined;
      hook?.();
      clock.now += ms;
    },
  });
  return { gate, clock };
}

describe("RateLimitGate", () => {
  it("lets attempts through at once when never paused", async () => {
    const { gate, clock } = fakeGate();
    await gate.wait();
    expect(clock.sleeps).toEqual([]);
    expect([gate.pauses, gate.pausedMs]).toEqual([0, 0]);
  });

  it("holds attempts until now + delay; a later 429 extends the pause but never shortens it", async () => {
    const { gate, clock } = fakeGate();
    expect(gate.pause(500)).toBe(1_500);
    clock.now += 100;
    expect(gate.pause(100)).toBe(1_500); // shorter: ignored
    expect(gate.pause(700)).toBe(1_800); // longer: extends
    await gate.wait();
    expect(clock.sleeps).toEqual([700]);
    expect(clock.now).toBe(1_800);
    expect([gate.pauses, gate.pausedMs]).toEqual([1, 800]);
    clock.now += 50;
    gate.pause(200);
    expect([gate.pauses, gate.pausedMs]).toEqual([2, 1_000]);
  });

  it("waits again when the pause is extended while waiting, and only for what is left", async () => {
    const { gate, clock } = fakeGate();
    gate.pause(300);
    clock.during = () => gate.pause(1_000);
    await gate.wait();
    expect(clock.sleeps).toEqual([300, 700]);
    expect(clock.now).toBe(2_000);
  });

  it("skips what the caller already slept to; a fake instant sleep cannot spin", async () => {
    const { gate, clock } = fakeGate();
    gate.pause(400);
    await gate.wait(undefined, 1_400);
    expect(clock.sleeps).toEqual([]);
    const instant = new RateLimitGate({ now: () => clock.now, sleep: async () => {} });
    instant.pause(400);
    await instant.wait();
    expect(clock.now).toBe(1_000);
  });

  it("rejects when the run aborts during a pause", async () => {
    const { gate } = fakeGate();
    gate.pause(400);
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(gate.wait(controller.signal)).rejects.toThrow("stop");
  });

  it("counts the union of pause intervals, whatever the 429s' timing (property)", () => {
    const step = fc.record({ advance: fc.nat(1_000), delay: fc.nat(2_000) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { gate, clock } = fakeGate();
        let end = Number.NEGATIVE_INFINITY;
        let pauses = 0;
        let total = 0;
        let previous = Number.NEGATIVE_INFINITY;
        for (const { advance, delay } of steps) {
          clock.now += advance;
          const until = gate.pause(delay);
          expect(until).toBeGreaterThanOrEqual(previous);
          if (delay > 0) expect(until).toBeGreaterThanOrEqual(clock.now + delay);
          previous = until;
          const stop = clock.now + delay;
          if (stop > end && delay > 0) {
            if (clock.now >= end) pauses++;
            total += stop - Math.max(end, clock.now);
            end = stop;
          }
        }
        expect(gate.pauses).toBe(pauses);
        expect(gate.pausedMs).toBe(total);
      }),
    );
  });
});
