import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Flow } from "../flow.js";
import { toIndexedFlow } from "./flow-index-entry.js";
import { openFlowIndex } from "./flow-index-reader.js";
import { flowIndexPathFor } from "./flow-index-schema.js";
import { createFlowIndexWriter } from "./flow-index-writer.js";

const flow = (ts: number | string | undefined, origH: string, respH: string, respP: number): Flow => ({
  ts,
  "id.orig_h": origH,
  "id.orig_p": 40000,
  "id.resp_h": respH,
  "id.resp_p": respP,
  proto: "tcp",
  duration: 0.5,
});

function buildIndex(entries: { capture: string; flow: Flow; line: number }[], batchSize = 2): string {
  const path = join(mkdtempSync(join(tmpdir(), "sv-flow-index-")), "set-v1.flows.sqlite");
  const writer = createFlowIndexWriter({ path, batchSize });
  for (const entry of entries) {
    const indexed = toIndexedFlow({ ...entry, file: "a/conn.log" });
    if (indexed) writer.add(indexed);
  }
  writer.close();
  return path;
}

const entries = [
  { capture: "c1", flow: flow(100, "10.0.0.1", "8.8.8.8", 53), line: 1 },
  { capture: "c1", flow: flow(200, "10.0.0.1", "1.2.3.4", 23), line: 2 },
  { capture: "c1", flow: flow(300, "10.0.0.1", "1.2.3.4", 2323), line: 3 },
  { capture: "c1", flow: flow(400, "10.0.0.1", "1.2.3.5", 23), line: 4 },
  { capture: "c1", flow: flow(500, "10.0.0.1", "1.2.3.4", 23), line: 5 },
  { capture: "c1", flow: flow(350, "10.0.0.2", "1.2.3.4", 23), line: 6 },
  { capture: "c2", flow: flow(150, "10.0.0.1", "1.2.3.4", 23), line: 7 },
  { capture: "c1", flow: flow(undefined, "10.0.0.1", "1.2.3.4", 23), line: 8 },
];

describe("flow index", () => {
  it("answers a host's earlier flows in the same capture, newest first, limited", () => {
    const index = openFlowIndex({ path: buildIndex(entries) });
    const target = index.position({ file: "a/conn.log", line: 4 })!;
    expect(target).toMatchObject({ capture: "c1", ts: 400 });
    const flows = index.recentFlowsOfHost({
      capture: target.capture,
      before: target.ts,
      host: "10.0.0.1",
      excludeHash: target.hash,
      limit: 2,
    });
    expect(flows.map((row) => row.line)).toEqual([3, 2]);
    expect(flows[0]!.text).toBe(
      "ts=300.000000, id.orig_h=10.0.0.1, id.orig_p=40000, id.resp_h=1.2.3.4, id.resp_p=2323, proto=tcp, service=-, duration=0.500000, orig_bytes=-, resp_bytes=-, conn_state=-, missed_bytes=-, history=-, orig_pkts=-, orig_ip_bytes=-, resp_pkts=-, resp_ip_bytes=-",
    );
    expect(index.size).toBe(7);
    index.close();
  });

  it("answers plain objects with exactly the documented fields (no driver metadata in a tool answer)", () => {
    const index = openFlowIndex({ path: buildIndex(entries) });
    const target = index.position({ file: "a/conn.log", line: 4 })!;
    expect(Object.keys(target).sort()).toEqual(["capture", "hash", "ts"]);
    const [first] = index.flowsToResponder({
      capture: "c1",
      before: 400,
      excludeHash: "",
      limit: 1,
      port: 23,
    });
    expect(Object.keys(first!).sort()).toEqual(
      ["capture", "file", "hash", "line", "origH", "origP", "proto", "respH", "respP", "text", "ts"].sort(),
    );
    expect(JSON.stringify(first)).not.toContain("_metadata");
    index.close();
  });

  it("answers flows to a responder by address, port or both, never from the future or another capture", () => {
    const index = openFlowIndex({ path: buildIndex(entries) });
    const scope = { capture: "c1", before: 500, excludeHash: "none", limit: 10 };
    const lines = (rows: { line: number }[]) => rows.map((row) => row.line);
    expect(lines(index.flowsToResponder({ ...scope, address: "1.2.3.4" }))).toEqual([6, 3, 2]);
    expect(lines(index.flowsToResponder({ ...scope, port: 23 }))).toEqual([4, 6, 2]);
    expect(lines(index.flowsToResponder({ ...scope, address: "1.2.3.4", port: 23 }))).toEqual([6, 2]);
    expect(() => index.flowsToResponder(scope)).toThrow(/address, a port or both/);
    index.close();
  });

  it("answers nothing that started before the scope's `from` (the previous split's block)", () => {
    const index = openFlowIndex({ path: buildIndex(entries) });
    const scope = { capture: "c1", before: 500, excludeHash: "none", limit: 10, from: 300 };
    expect(index.recentFlowsOfHost({ ...scope, host: "10.0.0.1" }).map((row) => row.ts)).toEqual([400, 300]);
    expect(index.flowsToResponder({ ...scope, port: 23 }).map((row) => row.ts)).toEqual([400, 350]);
    expect(index.flowsToResponder({ ...scope, address: "1.2.3.4" }).map((row) => row.ts)).toEqual([350, 300]);
    expect(index.flowsToResponder({ ...scope, address: "1.2.3.4", port: 23 }).map((row) => row.ts)).toEqual([
      350,
    ]);
    const { from: _from, ...unbounded } = scope;
    expect(index.recentFlowsOfHost({ ...unbounded, host: "10.0.0.1" }).map((row) => row.ts)).toEqual([
      400, 300, 200, 100,
    ]);
    index.close();
  });

  it("leaves out flows with the classified flow's hash", () => {
    const index = openFlowIndex({ path: buildIndex(entries) });
    const five = index.position({ file: "a/conn.log", line: 5 })!;
    const rows = index.flowsToResponder({
      capture: "c1",
      before: 600,
      excludeHash: five.hash,
      port: 23,
      limit: 10,
    });
    expect(rows.map((row) => row.line)).toEqual([4, 6]);
    index.close();
  });

  it("has the same content whatever the batch size", () => {
    const dump = (path: string) => {
      const index = openFlowIndex({ path });
      const rows = index.flowsToResponder({
        capture: "c1",
        before: 1e9,
        excludeHash: "",
        port: 23,
        limit: 99,
      });
      index.close();
      return rows;
    };
    expect(dump(buildIndex(entries, 1))).toEqual(dump(buildIndex(entries, 1000)));
  });

  it("merges parts in order into the same content as one pass", () => {
    const dir = mkdtempSync(join(tmpdir(), "sv-flow-index-"));
    const parts = [entries.slice(0, 3), entries.slice(3)].map((part, index) => {
      const path = join(dir, `part-${index}.sqlite`);
      const writer = createFlowIndexWriter({ path });
      for (const entry of part) {
        const indexed = toIndexedFlow({ ...entry, file: "a/conn.log" });
        if (indexed) writer.add(indexed);
      }
      writer.close();
      return path;
    });
    const merged = join(dir, "merged.flows.sqlite");
    const writer = createFlowIndexWriter({ path: merged });
    for (const part of parts) writer.append(part);
    expect(writer.count).toBe(7);
    writer.close();
    const scope = { capture: "c1", before: 1e9, excludeHash: "", host: "10.0.0.1", limit: 99 };
    const single = openFlowIndex({ path: buildIndex(entries) });
    const fromParts = openFlowIndex({ path: merged });
    expect(fromParts.recentFlowsOfHost(scope)).toEqual(single.recentFlowsOfHost(scope));
    single.close();
    fromParts.close();
  });

  it("fails with one clear error for a missing or foreign file", () => {
    expect(() => openFlowIndex({ path: "/nonexistent/x.flows.sqlite" })).toThrow(/not found/);
    const path = join(mkdtempSync(join(tmpdir(), "sv-flow-index-")), "junk.flows.sqlite");
    writeFileSync(path, "not a database");
    expect(() => openFlowIndex({ path })).toThrow(/not a readable flow index/);
    expect(readFileSync(path, "utf8")).toBe("not a database");
  });

  it("names the index after the dataset", () => {
    expect(flowIndexPathFor("/d/iot23-train-dev-test-v1.jsonl")).toBe(
      "/d/iot23-train-dev-test-v1.flows.sqlite",
    );
  });
});
