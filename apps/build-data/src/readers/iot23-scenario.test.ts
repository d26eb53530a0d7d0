import { describe, expect, it } from "vitest";
import { captureInPath, iot23Scenario, scenarioFromZeekHeader } from "./iot23-scenario.js";

describe("iot23Scenario", () => {
  it("takes the capture name nearest to the file, in a folder or in the file name", () => {
    expect(captureInPath("CTU-IoT-Malware-Capture-98-1.conn.log.labeled.gz")).toBe(
      "CTU-IoT-Malware-Capture-98-1",
    );
    expect(captureInPath("/data/CTU-Honeypot-Capture-4-1/bro/conn.log.labeled")).toBe(
      "CTU-Honeypot-Capture-4-1",
    );
    expect(captureInPath("CTU-IoT-Malware-Capture-1-1/copies/CTU-IoT-Malware-Capture-3-1/conn.log")).toBe(
      "CTU-IoT-Malware-Capture-3-1",
    );
    expect(captureInPath("data/bro/conn.log.labeled")).toBeUndefined();
  });

  it("looks at the display name first, then the other paths, and flags a fallback", () => {
    expect(
      iot23Scenario("conn.log.labeled", "/mnt/CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled"),
    ).toEqual({
      scenario: "CTU-IoT-Malware-Capture-34-1",
      from: "path",
    });
    expect(iot23Scenario("captures/bro/conn.log.labeled", "/mnt/captures/bro/conn.log.labeled")).toEqual({
      scenario: "captures",
      from: "fallback",
    });
    expect(iot23Scenario("conn.log.labeled", "/mnt/unnamed/bro/conn.log.labeled")).toEqual({
      scenario: "unnamed",
      from: "fallback",
    });
    expect(iot23Scenario("conn.log.labeled")).toEqual({ scenario: "conn.log.labeled", from: "fallback" });
  });

  it("reads a scenario from a Zeek header: a capture in #path, else the #open time", () => {
    expect(scenarioFromZeekHeader({ path: "conn", open: "2019-03-15-14-50-49" })).toBe(
      "capture-opened-2019-03-15-14-50-49",
    );
    expect(scenarioFromZeekHeader({ path: "CTU-IoT-Malware-Capture-7-1.conn", open: "x" })).toBe(
      "CTU-IoT-Malware-Capture-7-1",
    );
    expect(scenarioFromZeekHeader({ path: "conn" })).toBeUndefined();
    expect(scenarioFromZeekHeader({ open: "  " })).toBeUndefined();
  });
});
