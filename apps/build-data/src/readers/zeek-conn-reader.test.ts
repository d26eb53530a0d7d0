import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collect } from "../test-utils/collect.js";
import { fixturesDir, requireRawSamples } from "../test-utils/paths.js";

const raw = requireRawSamples();
const iot = join(raw.path, "iot23");
const file = (path: string, displayName = path) => ({ path: join(iot, path), displayName });
const canonical = "CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled";
const tabVariant = "_format-variants/CTU-IoT-Malware-Capture-34-1.tab-separated-labels.conn.log.labeled";
const honeypot = "CTU-Honeypot-Capture-4-1/bro/conn.log.labeled";
const crlf = "_format-variants/CTU-Honeypot-Capture-4-1.crlf.conn.log.labeled";

describe.skipIf(!raw.available)("readZeekConn on the real IoT-23 samples", () => {
  it("reads 34-1 (three-space labels, no #close, no final newline) with every label", async () => {
    const { reports, sampler, skips } = await collect("iot23", [file(canonical)]);
    expect(reports[0]).toMatchObject({ rows: 23145, skipped: 0, bytes: 3019283 });
    expect(skips.total).toBe(0);
    const seen = Object.fromEntries(
      sampler.all().map((stratum) => [`${stratum.scenario}/${stratum.label}`, stratum.seen]),
    );
    expect(seen).toEqual({
      "CTU-IoT-Malware-Capture-34-1/Benign": 1923,
      "CTU-IoT-Malware-Capture-34-1/Malicious": 6706 + 14394 + 122,
    });
  });

  it("reads the tab-separated label layout to exactly the same flows", async () => {
    const spaced = await collect("iot23", [file(canonical)]);
    const tabbed = await collect("iot23", [file(tabVariant)]);
    expect(tabbed.reports[0]).toMatchObject({ rows: 23145, skipped: 0 });
    const key = (c: { hash: string; label: string; family: string }) => `${c.hash}/${c.label}/${c.family}`;
    expect(tabbed.candidates.map(key).sort()).toEqual(spaced.candidates.map(key).sort());
    const families = new Set(spaced.candidates.map((candidate) => candidate.family));
    expect(families).toEqual(new Set(["NA", "C&C", "DDoS", "PartOfAHorizontalPortScan"]));
  });

  it("strips CRLF and accepts lower-case benign (honeypot 4-1)", async () => {
    const lf = await collect("iot23", [file(honeypot)]);
    const crlfRead = await collect("iot23", [file(crlf)]);
    expect(crlfRead.reports[0]).toMatchObject({ rows: 452, skipped: 0 });
    expect(crlfRead.candidates.every((candidate) => candidate.label === "Benign")).toBe(true);
    expect(crlfRead.candidates.map((c) => c.hash).sort()).toEqual(lf.candidates.map((c) => c.hash).sort());
    expect(crlfRead.candidates.some((c) => String(c.flow.resp_ip_bytes).includes("\r"))).toBe(false);
  });

  it("deduplicates the same flow read from two files", async () => {
    const both = await collect("iot23", [file(honeypot), file(crlf)]);
    const stratum = both.sampler.all()[0]!;
    expect(stratum.seen).toBe(904);
    expect(stratum.reservoir.size).toBe(452);
    expect(stratum.reservoir.duplicates).toBe(452);
  });
});

describe("readZeekConn on the project's fixtures", () => {
  it("counts damaged lines with file:line and never labels them", async () => {
    const displayName = "iot23/CTU-IoT-Malware-Capture-99-1/bro/conn.log.labeled";
    const { reports, skips, candidates } = await collect("iot23", [
      {
        path: join(fixturesDir, "iot23", "CTU-IoT-Malware-Capture-99-1", "bro", "conn.log.labeled"),
        displayName,
      },
    ]);
    expect(reports[0]).toMatchObject({ rows: 41, skipped: 4 });
    expect(skips.toJSON().counts).toEqual({
      "invalid value": 1,
      "too few fields": 2,
      "unknown label": 1,
    });
    expect(skips.toJSON().examples["unknown label"]).toEqual([`${displayName}:47: "Suspicious"`]);
    expect(skips.toJSON().examples["invalid value"]![0]).toMatch(/conn\.log\.labeled:48: id\.orig_p="70000"/);
    expect(candidates).toHaveLength(36); // 37 good rows, one of them a duplicate
    const ipv6 = candidates.find((candidate) => candidate.flow["id.orig_h"] === "fe80::1c2a:3bff:fe4d:5e6f");
    expect(ipv6).toMatchObject({ label: "Benign", family: "NA", flow: { proto: "icmp", "id.resp_p": "0" } });
    expect(ipv6?.flow.duration).toBeUndefined();
    const icmp = candidates.find((candidate) => candidate.family === "C&C-HeartBeat");
    expect(icmp).toMatchObject({ label: "Malicious", scenario: "CTU-IoT-Malware-Capture-99-1", line: 44 });
  });

  it("reads a gzipped, CRLF, tab-separated, no-final-newline log", async () => {
    const { reports, candidates } = await collect("iot23", [
      {
        path: join(fixturesDir, "iot23", "CTU-IoT-Malware-Capture-98-1.conn.log.labeled.gz"),
        displayName: "iot23/CTU-IoT-Malware-Capture-98-1.conn.log.labeled.gz",
      },
    ]);
    expect(reports[0]).toMatchObject({ rows: 16, skipped: 0 });
    expect(candidates.filter((c) => c.label === "Benign")).toHaveLength(10);
    expect(candidates.filter((c) => c.family === "DDoS")).toHaveLength(6);
    expect(candidates.every((c) => c.scenario === "CTU-IoT-Malware-Capture-98-1")).toBe(true);
  });
});
