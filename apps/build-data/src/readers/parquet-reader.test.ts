import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { collect } from "../test-utils/collect.js";

const text = { type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" } as const;
const integer = { type: "INT64", repetition_type: "OPTIONAL" } as const;
const real = { type: "DOUBLE", repetition_type: "OPTIONAL" } as const;

/** The Hub's preprocessed IoT-23 (`19kmunz/iot-23-preprocessed`) layout: 15 columns, no IPs. */
function iot23PreprocessedParquet(): ArrayBuffer {
  const rows = [
    [41040, 80, "tcp", "-", 3.139211, 0, 0, "S0", 0, "S", 3, 180, 0, 0, "Malicious"],
    [35145, 53, "udp", "dns", 0.047963, 34, 311, "SF", 0, "Dd", 1, 62, 1, 339, "Benign"],
    [35146, 123, "udp", "-", null, null, null, "SF", 0, "Dd", 1, 76, 1, 76, "Benign"],
    [35147, 99999, "udp", "-", 0.001, 48, 48, "SF", 0, "Dd", 1, 76, 1, 76, "Benign"],
  ] as const;
  const columns: [string, typeof text | typeof integer | typeof real][] = [
    ["id.orig_p", integer],
    ["id.resp_p", integer],
    ["proto", text],
    ["service", text],
    ["duration", real],
    ["orig_bytes", integer],
    ["resp_bytes", integer],
    ["conn_state", text],
    ["missed_bytes", integer],
    ["history", text],
    ["orig_pkts", integer],
    ["orig_ip_bytes", integer],
    ["resp_pkts", integer],
    ["resp_ip_bytes", integer],
    ["label", text],
  ];
  return parquetWriteBuffer({
    columnData: columns.map(([name, type], index) => ({
      name,
      data: rows.map((row) => {
        const value = row[index] ?? null;
        return type === integer && typeof value === "number" ? BigInt(value) : value;
      }),
    })),
    schema: [
      { name: "root", num_children: columns.length },
      ...columns.map(([name, type]) => ({ name, ...type })),
    ],
  });
}

describe("the Hub's preprocessed IoT-23 as Parquet", () => {
  it("reads row batches through the same mapper as the CSV, naming bad rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sv-parquet-"));
    const path = join(dir, "train-00000-of-00001.parquet");
    writeFileSync(path, Buffer.from(iot23PreprocessedParquet()));
    const { reports, candidates, skips } = await collect("iot23", [
      { path, displayName: "hub/train.parquet" },
    ]);
    expect(reports[0]).toMatchObject({ rows: 4, skipped: 1, format: "iot23-preprocessed-parquet" });
    expect(Object.values(skips.toJSON().examples).flat().join("\n")).toContain("hub/train.parquet:row 4");
    expect(candidates.map((candidate) => candidate.label).sort()).toEqual(["Benign", "Benign", "Malicious"]);
    const dns = candidates.find((candidate) => candidate.flow["id.resp_p"] === 53);
    expect(dns?.flow).toMatchObject({ proto: "udp", service: "dns", duration: 0.047963, resp_ip_bytes: 339 });
    const ntp = candidates.find((candidate) => candidate.flow["id.resp_p"] === 123);
    expect(ntp?.flow.duration).toBeUndefined();
  });

  it("fails with one line naming a file that is not Parquet", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pq-"));
    const path = join(dir, "broken.parquet");
    writeFileSync(path, "id,label\n1,Benign\n");
    const failure = await collect("iot23", [{ path, displayName: "broken.parquet" }]).catch(
      (error: unknown) => error,
    );
    expect(CliError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toMatch(
      new RegExp(`^${path}: cannot read: not a readable Parquet file \\(.+\\)$`),
    );
  });
});
