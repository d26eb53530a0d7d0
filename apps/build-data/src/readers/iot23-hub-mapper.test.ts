import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collect } from "../test-utils/collect.js";
import { fixturesDir } from "../test-utils/paths.js";

describe("the Hub's preprocessed IoT-23 as CSV", () => {
  it("maps Zeek-named columns without IPs and skips bad ports", async () => {
    const path = join(fixturesDir, "iot23-hub", "iot23-preprocessed.csv");
    const { reports, candidates, skips } = await collect("iot23", [
      { path, displayName: "hub/iot23-preprocessed.csv" },
    ]);
    expect(reports[0]).toMatchObject({ rows: 5, skipped: 1, format: "iot23-preprocessed" });
    expect(skips.toJSON().examples["invalid value"]).toEqual([
      'hub/iot23-preprocessed.csv:6: id.resp_p="99999"',
    ]);
    expect(candidates.map((candidate) => candidate.label).sort()).toEqual([
      "Benign",
      "Benign",
      "Malicious",
      "Malicious",
    ]);
    const dns = candidates.find((candidate) => candidate.flow["id.resp_p"] === 53);
    expect(dns?.flow).toMatchObject({
      "id.orig_h": undefined,
      proto: "udp",
      service: "dns",
      duration: 0.047963,
      resp_ip_bytes: 339,
    });
  });
});
