import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collect } from "../test-utils/collect.js";
import { fixturesDir, requireRawSamples } from "../test-utils/paths.js";

const raw = requireRawSamples();
const mlcve = join(fixturesDir, "cic", "MachineLearningCVE", "Tuesday-WorkingHours.pcap_ISCX.csv");
const traffic = join(fixturesDir, "cic", "TrafficLabelling", "Wednesday-workingHours.pcap_ISCX.csv");

describe("CIC-IDS-2017 CSV", () => {
  it.skipIf(!raw.available)(
    "reads the real MachineLearningCVE sample (leading spaces, duplicate column, Infinity/NaN, CRLF)",
    async () => {
      const path = join(
        raw.path,
        "cic-ids-2017",
        "MachineLearningCVE",
        "Friday-WorkingHours-Afternoon-DDos.pcap_ISCX.csv",
      );
      const { reports, candidates, skips } = await collect("cic", [{ path, displayName: "Friday.csv" }]);
      expect(reports[0]).toMatchObject({ rows: 9998, format: "cic-ids-2017-machine-learning-cve" });
      // Infinity/NaN appear only in the rate columns, which are not used: no line is lost to them.
      expect(skips.total).toBe(0);
      expect(candidates.every((candidate) => candidate.label === "Benign" && candidate.family === "NA")).toBe(
        true,
      );
      const first = candidates.find((candidate) => candidate.line === 2);
      // 54865,3,2,0,12,0,…: 3 µs, 2 fwd packets with 12 payload bytes in total.
      expect(first?.flow).toEqual({
        "id.orig_h": undefined,
        "id.orig_p": undefined,
        "id.resp_h": undefined,
        "id.resp_p": 54865,
        proto: undefined,
        duration: 0.000003,
        orig_bytes: 12,
        resp_bytes: 0,
        orig_pkts: 2,
        resp_pkts: 0,
      });
    },
  );

  it("labels attacks, skips unusable values and excludes '- Attempted' by default", async () => {
    const { reports, candidates, skips } = await collect("cic", [
      { path: mlcve, displayName: "cic/Tuesday.csv" },
    ]);
    expect(reports[0]).toMatchObject({ rows: 29, skipped: 4 });
    expect(skips.toJSON().counts).toEqual({
      "attempted attack (excluded by policy)": 1,
      "invalid value": 2,
      "wrong number of columns": 1,
    });
    expect(skips.toJSON().examples["invalid value"]).toEqual([
      'cic/Tuesday.csv:27: Flow Duration="NaN"',
      'cic/Tuesday.csv:28: Flow Duration="-1"',
    ]);
    const families = candidates.reduce<Record<string, number>>((counts, candidate) => {
      counts[`${candidate.label}/${candidate.family}`] =
        (counts[`${candidate.label}/${candidate.family}`] ?? 0) + 1;
      return counts;
    }, {});
    expect(families).toEqual({ "Malicious/FTP-Patator": 8, "Malicious/SSH-Patator": 6, "Benign/NA": 11 });
    const ssh = candidates.find((candidate) => candidate.line === 10);
    expect(ssh?.flow).toMatchObject({ "id.resp_p": 22, duration: 5, orig_pkts: 20, orig_bytes: 1800 });
  });

  it("can count '- Attempted' as malicious when asked", async () => {
    const { candidates } = await collect("cic", [{ path: mlcve, displayName: "t.csv" }], {
      attempted: "malicious",
    });
    expect(candidates.filter((candidate) => candidate.family === "SSH-Patator - Attempted")).toHaveLength(1);
  });

  it("reads the TrafficLabelling layout with IPs, ports, protocol names and a Windows-1252 label", async () => {
    const { reports, candidates, skips } = await collect("cic", [{ path: traffic, displayName: "w.csv" }]);
    expect(skips.total).toBe(0);
    expect(reports[0]).toMatchObject({ rows: 15, format: "cic-ids-2017-traffic-labelling" });
    const web = candidates.filter((candidate) => candidate.family === "Web Attack - Brute Force");
    expect(web).toHaveLength(3);
    const dns = candidates.find((candidate) => candidate.line === 11);
    expect(dns).toMatchObject({
      label: "Benign",
      flow: { "id.orig_h": "172.16.0.1", "id.resp_h": "192.168.10.3", proto: "udp", duration: 0.250009 },
      extra: { timestamp: "5/7/2017 10:09" },
    });
  });
});
