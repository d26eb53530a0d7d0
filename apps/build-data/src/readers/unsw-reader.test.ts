import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collect } from "../test-utils/collect.js";
import { fixturesDir, requireRawSamples } from "../test-utils/paths.js";

const raw = requireRawSamples();

describe("UNSW-NB15", () => {
  it.skipIf(!raw.available)("reads the real testing set (BOM, CRLF, attack_cat, label)", async () => {
    const path = join(raw.path, "unsw-nb15", "UNSW_NB15_testing-set.csv");
    const { reports, candidates, skips, sampler } = await collect("unsw", [
      { path, displayName: "testing.csv" },
    ]);
    expect(reports[0]).toMatchObject({ rows: 4528, format: "unsw-nb15-set" });
    expect(skips.total).toBe(0);
    const seen = Object.fromEntries(sampler.all().map((stratum) => [stratum.label, stratum.seen]));
    expect(seen).toEqual({ Benign: 243, Malicious: 4528 - 243 });
    const families = new Set(candidates.map((candidate) => candidate.family));
    expect(families).toEqual(
      new Set([
        "NA",
        "Exploits",
        "DoS",
        "Fuzzers",
        "Reconnaissance",
        "Analysis",
        "Shellcode",
        "Backdoor",
        "Worms",
      ]),
    );
    // 1,0.000011,udp,-,INT,2,0,496,0,…,Normal,0
    const first = candidates.find((candidate) => candidate.line === 2);
    expect(first).toMatchObject({
      label: "Benign",
      flow: {
        proto: "udp",
        service: undefined,
        duration: 0.000011,
        orig_pkts: 2,
        orig_ip_bytes: 496,
        resp_ip_bytes: 0,
      },
    });
  });

  it("reads raw part files: no header, hex ports, empty attack_cat, damaged lines", async () => {
    const path = join(fixturesDir, "unsw", "UNSW-NB15_1.csv");
    const { reports, candidates, skips } = await collect("unsw", [
      { path, displayName: "unsw/UNSW-NB15_1.csv" },
    ]);
    expect(reports[0]).toMatchObject({ rows: 11, skipped: 3, format: "unsw-nb15-raw" });
    expect(skips.toJSON().counts).toEqual({
      "invalid value": 1,
      "label disagrees with attack_cat": 1,
      "wrong number of columns": 1,
    });
    const hex = candidates.find((candidate) => candidate.line === 3);
    expect(hex?.flow).toMatchObject({ "id.orig_p": 11, "id.resp_p": 0x20cd, proto: "tcp", service: "http" });
    expect(hex).toMatchObject({
      label: "Benign",
      family: "NA",
      scenario: "UNSW-NB15_1",
      extra: { stime: "1421927414" },
    });
    const families = candidates
      .filter((c) => c.label === "Malicious")
      .map((c) => c.family)
      .sort();
    expect(families).toEqual(["Backdoor", "Exploits", "Fuzzers", "Generic"]);
  });

  it("reads a raw part file that starts with a UTF-8 byte order mark as records, with a note", async () => {
    const original = await readFile(join(fixturesDir, "unsw", "UNSW-NB15_1.csv"));
    const dir = await mkdtemp(join(tmpdir(), "bd-unsw-"));
    const path = join(dir, "UNSW-NB15_1.csv");
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), original]));
    const plain = await collect("unsw", [
      { path: join(fixturesDir, "unsw", "UNSW-NB15_1.csv"), displayName: "a" },
    ]);
    const marked = await collect("unsw", [{ path, displayName: "a" }]);
    expect(marked.reports[0]).toMatchObject({
      rows: 11,
      format: "unsw-nb15-raw",
      notes: ["starts with a UTF-8 byte order mark (removed)"],
    });
    expect(marked.candidates).toEqual(plain.candidates);
  });

  it("skips a record whose shown text holds a byte that is not UTF-8, and counts the line", async () => {
    const original = await readFile(join(fixturesDir, "unsw", "UNSW-NB15_1.csv"), "latin1");
    const lines = original.split("\n");
    // Line 3 is the `tcp`/`http` record with hex ports: break its proto.
    lines[2] = lines[2]!.replace(",tcp,", ",t\xffcp,");
    const dir = await mkdtemp(join(tmpdir(), "bd-unsw-"));
    const path = join(dir, "UNSW-NB15_1.csv");
    await writeFile(path, lines.join("\n"), "latin1");
    const { reports, candidates, skips } = await collect("unsw", [{ path, displayName: "u.csv" }]);
    expect(reports[0]).toMatchObject({
      rows: 11,
      skipped: 4,
      invalid_utf8_lines: 1,
      first_invalid_utf8: "u.csv:3",
    });
    expect(skips.toJSON().examples["invalid UTF-8 in a shown field"]).toEqual(['u.csv:3: proto="t\ufffdcp"']);
    expect(candidates.some((candidate) => candidate.line === 3)).toBe(false);
  });
});
