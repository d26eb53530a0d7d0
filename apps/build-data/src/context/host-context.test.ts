import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HostContext } from "./host-context.js";
import { cicTimestampSeconds, epochSeconds, epochSecondsOfBytes, recordStartSeconds } from "./record-time.js";

function tracker(flows = 3, windowSeconds = 100, maxHosts = 10) {
  return new HostContext<string>({ flows, windowSeconds, maxHosts });
}

describe("HostContext", () => {
  it("gives the last K earlier flows of the same host, oldest first", () => {
    const context = tracker();
    for (const [index, time] of [1, 2, 3, 4, 5].entries()) context.remember("a", time, () => `a${index}`);
    context.remember("b", 5, () => "b0");
    expect(context.before("a", 6)).toEqual(["a2", "a3", "a4"]);
    expect(context.before("b", 6)).toEqual(["b0"]);
    expect(context.before("c", 6)).toEqual([]);
  });

  it("leaves out flows outside the window and flows that started later (ts not sorted)", () => {
    const context = tracker(5, 10);
    context.remember("a", 100, () => "old");
    context.remember("a", 195, () => "near");
    context.remember("a", 210, () => "later");
    context.remember("a", 190, () => "late-written");
    expect(context.before("a", 200)).toEqual(["late-written", "near"]);
    expect(context.stats().flows_out_of_order).toBe(1);
  });

  it("keeps at most maxHosts hosts, evicting the least recently seen, and counts it", () => {
    const context = tracker(2, 100, 2);
    context.remember("a", 1, () => "a");
    context.remember("b", 2, () => "b");
    context.remember("a", 3, () => "a2");
    context.remember("c", 4, () => "c");
    expect(context.hostCount).toBe(2);
    expect(context.before("b", 5)).toEqual([]);
    expect(context.before("a", 5)).toEqual(["a", "a2"]);
    expect(context.stats().hosts_evicted).toBe(1);
  });

  it("hands an overwritten slot's value back for reuse", () => {
    const context = tracker(1);
    const seen: (string | undefined)[] = [];
    context.remember("a", 1, (reuse) => {
      seen.push(reuse);
      return "first";
    });
    context.remember("a", 2, (reuse) => {
      seen.push(reuse);
      return "second";
    });
    expect(seen).toEqual([undefined, "first"]);
    expect(context.before("a", 3)).toEqual(["second"]);
  });
});

describe("record times", () => {
  it("reads CIC TrafficLabelling timestamps day first, with or without seconds and AM/PM", () => {
    expect(cicTimestampSeconds("5/7/2017 10:09")).toBe(Date.UTC(2017, 6, 5, 10, 9) / 1000);
    expect(cicTimestampSeconds("03/07/2017 08:55:58")).toBe(Date.UTC(2017, 6, 3, 8, 55, 58) / 1000);
    expect(cicTimestampSeconds("7/7/2017 3:30 PM")).toBe(Date.UTC(2017, 6, 7, 15, 30) / 1000);
    expect(cicTimestampSeconds("yesterday")).toBeUndefined();
    expect(cicTimestampSeconds("5/7/2017 25:09")).toBeUndefined();
  });

  it("takes UNSW stime, CIC timestamp, or nothing", () => {
    expect(recordStartSeconds({ stime: "1421927414" })).toBe(1421927414);
    expect(recordStartSeconds({ timestamp: "5/7/2017 10:09" })).toBe(Date.UTC(2017, 6, 5, 10, 9) / 1000);
    expect(recordStartSeconds(undefined)).toBeUndefined();
    expect(recordStartSeconds({ stime: "-" })).toBeUndefined();
  });
});

describe("HostContext memory bound", () => {
  it("keeps at most flows × maxHosts values, and allocates no more than that over many hosts", () => {
    const flows = 4;
    const maxHosts = 64;
    const context = tracker(flows, 1000, maxHosts);
    let allocated = 0;
    let mostHosts = 0;
    let mostFlows = 0;
    let longestContext = 0;
    let state = 12345;
    for (let line = 0; line < 20_000; line++) {
      // A few busy hosts and a long tail of hosts seen once or twice (a scan), seeded.
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const host = state % 4 === 0 ? `busy-${state % 8}` : `tail-${state % 5000}`;
      context.remember(host, line, (reuse) => {
        if (reuse === undefined) allocated++;
        return reuse ?? `value-${line}`;
      });
      mostHosts = Math.max(mostHosts, context.hostCount);
      mostFlows = Math.max(mostFlows, context.flowCount);
      longestContext = Math.max(longestContext, context.before(host, line).length);
    }
    expect(mostHosts).toBe(maxHosts);
    expect(mostFlows).toBeLessThanOrEqual(flows * maxHosts);
    expect(longestContext).toBe(flows);
    expect(context.stats().hosts_evicted).toBeGreaterThan(1000);
    expect(allocated).toBeLessThanOrEqual(flows * maxHosts);
  });

  it("a host that takes over an evicted host's ring never sees that host's flows", () => {
    const context = tracker(3, 100, 1);
    context.remember("a", 1, () => "a1");
    context.remember("a", 2, () => "a2");
    context.remember("b", 3, (reuse) => `b1 (reusing ${reuse})`);
    expect(context.before("b", 4)).toEqual(["b1 (reusing a1)"]);
    expect(context.before("a", 4)).toEqual([]);
    context.remember("b", 5, () => "b2");
    expect(context.before("b", 6)).toEqual(["b1 (reusing a1)", "b2"]);
  });
});

describe("epochSecondsOfBytes", () => {
  it("reads exactly what epochSeconds reads from the same text (property)", () => {
    const text = fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: 0, max: 999_999 }))
        .map(([seconds, micros]) => `${seconds}.${String(micros).padStart(6, "0")}`),
      fc.double({ min: 0, max: 1e12, noNaN: true }).map(String),
      fc.stringMatching(/^[-0-9.e+]{0,20}$/),
      fc.constantFrom("-", "", ".", "1.", ".5", "12345678901234567.5", "9007199254740993"),
    );
    fc.assert(
      fc.property(text, (value) => {
        const buffer = Buffer.from(`x\t${value}\ty`, "latin1");
        expect(epochSecondsOfBytes(buffer, 2, 2 + value.length)).toBe(epochSeconds(value));
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});
