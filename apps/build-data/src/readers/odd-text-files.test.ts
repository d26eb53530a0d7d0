import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { collect } from "../test-utils/collect.js";
import { fixturesDir } from "../test-utils/paths.js";

const SAMPLE = join(fixturesDir, "iot23", "CTU-IoT-Malware-Capture-99-1", "bro", "conn.log.labeled");

/** A small Zeek log with its columns in an order unlike the default, so only its own `#fields` line reads it. */
function zeekLog(options: { open?: string; rows?: string[] } = {}): string {
  const header = [
    "#path\tconn",
    ...(options.open ? [`#open\t${options.open}`] : []),
    "#fields\tuid\tts\tid.resp_p\tid.orig_p\tproto\tid.orig_h\tid.resp_h\ttunnel_parents   label   detailed-label",
  ];
  const rows = options.rows ?? [
    "C1\t1.0\t80\t5000\ttcp\t10.0.0.1\t10.0.0.2\t-   Malicious   DDoS",
    "C2\t2.0\t53\t5001\tudp\t10.0.0.1\t10.0.0.3\t-   Benign   -",
    "C3\t3.0\t23\t5002\ttcp\t10.0.0.4\t10.0.0.5\t-   Malicious   Okiru",
  ];
  return `${[...header, ...rows].join("\n")}\n`;
}

async function write(dir: string, name: string, content: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, content);
  return path;
}

const read = (path: string, displayName: string) => collect("iot23", [{ path, displayName }]);

describe("IoT-23 logs with odd bytes or names", () => {
  it("reads the header of a log that starts with a UTF-8 byte order mark", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bd-odd-"));
    const path = await write(dir, "CTU-IoT-Malware-Capture-9-1/conn.log.labeled", `\ufeff${zeekLog()}`);
    const { reports, candidates, skips } = await read(path, "CTU-IoT-Malware-Capture-9-1/conn.log.labeled");
    expect(skips.toJSON().counts).toEqual({});
    expect(reports[0]).toMatchObject({
      rows: 3,
      skipped: 0,
      notes: ["starts with a UTF-8 byte order mark (removed)"],
    });
    expect(candidates.find((candidate) => candidate.line === 3)?.flow).toMatchObject({
      "id.orig_h": "10.0.0.1",
      "id.resp_p": "80",
    });
  });

  it("reads a plain-text log named .gz as plain text, with a note, and gunzips a gzip not named .gz", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bd-odd-"));
    const text = await readFile(SAMPLE);
    const original = await read(SAMPLE, "CTU-IoT-Malware-Capture-99-1.conn.log.labeled.gz");
    const fake = await write(dir, "CTU-IoT-Malware-Capture-99-1.conn.log.labeled.gz", text);
    const plain = await read(fake, "CTU-IoT-Malware-Capture-99-1.conn.log.labeled.gz");
    expect(plain.skips.toJSON()).toEqual(original.skips.toJSON());
    expect(Object.keys(plain.skips.toJSON().counts).some((reason) => reason.includes("gzip"))).toBe(false);
    expect(plain.candidates).toEqual(original.candidates);
    expect(plain.reports[0]).toMatchObject({
      rows: original.reports[0]!.rows,
      bytes: text.length,
      sha256: createHash("sha256").update(text).digest("hex"),
      notes: ["named .gz but not gzip-compressed: read as plain text"],
    });
    expect(original.reports[0]!.rows).toBeGreaterThan(10);
    const zipped = await write(dir, "CTU-IoT-Malware-Capture-99-1.zipped.conn.log", gzipSync(text));
    const gunzipped = await read(zipped, "CTU-IoT-Malware-Capture-99-1.zipped.conn.log");
    expect(gunzipped.reports[0]).toMatchObject({
      rows: original.reports[0]!.rows,
      notes: ["gzip-compressed but not named .gz: gunzipped"],
    });
  });

  it("counts lines that are not valid UTF-8 per file and keeps them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bd-odd-"));
    const rows = [
      "C1\t1.0\t80\t5000\ttcp\t10.0.0.1\t10.0.0.2\t-   Malicious   DDoS\xff",
      "C2\t2.0\t53\t5001\tudp\t10.0.0.1\t10.0.0.3\t-   Benign   -",
      "C3\t3.0\t23\t5002\ttcp\t10.0.0.4\t10.0.0.5\t-   Malicious   Ok\xc3ru",
    ];
    const path = await write(
      dir,
      "CTU-IoT-Malware-Capture-9-1.log.labeled",
      Buffer.from(zeekLog({ rows }), "latin1"),
    );
    const { reports, candidates } = await read(path, "CTU-IoT-Malware-Capture-9-1.log.labeled");
    expect(reports[0]).toMatchObject({
      rows: 3,
      invalid_utf8_lines: 2,
      first_invalid_utf8: "CTU-IoT-Malware-Capture-9-1.log.labeled:3",
    });
    expect(candidates.map((candidate) => candidate.family).sort()).toEqual(["DDoS-", "NA", "Ok-ru"]);
  });

  it("takes the scenario from the real path, then the #open header, and flags a fallback", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bd-odd-"));
    const inCapture = await write(dir, "CTU-IoT-Malware-Capture-5-1/bro/conn.log.labeled", zeekLog());
    await symlink(inCapture, join(dir, "linked.log.labeled"));
    const linked = await read(join(dir, "linked.log.labeled"), "linked.log.labeled");
    expect(linked.reports[0]).toMatchObject({
      scenario: "CTU-IoT-Malware-Capture-5-1",
      scenario_from: "path",
    });
    expect(linked.candidates.every((candidate) => candidate.scenario === "CTU-IoT-Malware-Capture-5-1")).toBe(
      true,
    );

    const opened = await write(
      dir,
      "captures/bro/conn.log.labeled",
      zeekLog({ open: "2019-03-15-14-50-49" }),
    );
    const header = await read(opened, "captures/bro/conn.log.labeled");
    expect(header.reports[0]).toMatchObject({
      scenario: "capture-opened-2019-03-15-14-50-49",
      scenario_from: "header",
    });
    expect(header.candidates.map((candidate) => candidate.scenario)).toEqual(
      Array(3).fill("capture-opened-2019-03-15-14-50-49"),
    );

    const bare = await write(dir, "captures/bro/second.conn.log.labeled", zeekLog());
    const fallback = await read(bare, "captures/bro/second.conn.log.labeled");
    expect(fallback.reports[0]).toMatchObject({ scenario: "captures", scenario_from: "fallback" });
  });
});
