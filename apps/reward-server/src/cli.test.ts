import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { parseByteSize, parseRubricFlag, parseWorkers } from "./cli.js";

describe("parseByteSize", () => {
  it.each([
    ["1048576", 1048576],
    ["512kb", 512 * 1024],
    ["16MB", 16 * 1024 * 1024],
    ["2m", 2 * 1024 * 1024],
  ])("reads %s", (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(["0", "-1", "1.5mb", "lots", "10gb", ""])("refuses %j", (text) => {
    expect(() => parseByteSize(text)).toThrow(/positive size in bytes/);
  });
});

describe("parseRubricFlag", () => {
  it("reads partial weights and costs", () => {
    expect(parseRubricFlag('{"costs": {"missedAttack": -2}}')).toEqual({ costs: { missedAttack: -2 } });
  });

  it.each([
    ["{", /not JSON/],
    ['{"cost": {}}', /cost/],
    ['{"weights": {"format": "high"}}', /weights\.format/],
    ['{"costs": {"missedAttack": 3}}', /missedAttack/],
  ])("refuses %s naming the problem", (text, message) => {
    expect(() => parseRubricFlag(text)).toThrow(message);
  });
});

describe("parseWorkers", () => {
  it("reads a positive integer, and auto as the available parallelism", () => {
    expect(parseWorkers("3")).toBe(3);
    expect(parseWorkers("auto")).toBe(availableParallelism());
  });

  it.each(["0", "-2", "1.5", "two", ""])("refuses %j", (text) => {
    expect(() => parseWorkers(text)).toThrow(/positive integer or auto/);
  });
});
