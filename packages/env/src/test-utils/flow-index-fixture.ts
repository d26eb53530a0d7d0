import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFlowIndexWriter, type Flow, flowHash, renderQuestion, toIndexedFlow } from "@sv/dataset";

export const HOST = "192.168.1.5";
const FILE = "CTU-1/conn.log.labeled";

const flow = (ts: number, origH: string, respH: string, respP: number): Flow => ({
  ts,
  "id.orig_h": origH,
  "id.orig_p": 40000 + ts,
  "id.resp_h": respH,
  "id.resp_p": respP,
  proto: "tcp",
  conn_state: "S0",
});

/** Capture CTU-1 (lines 1–5) and CTU-2; the classified flow is CTU-1 line 4 (ts 400). */
export const FIXTURE_FLOWS = [
  { capture: "CTU-1", file: FILE, line: 1, flow: flow(100, HOST, "1.2.3.4", 23) },
  { capture: "CTU-1", file: FILE, line: 2, flow: flow(200, HOST, "1.2.3.4", 2323) },
  { capture: "CTU-1", file: FILE, line: 3, flow: flow(300, "192.168.1.9", "1.2.3.4", 23) },
  { capture: "CTU-1", file: FILE, line: 4, flow: flow(400, HOST, "5.6.7.8", 23) },
  { capture: "CTU-1", file: FILE, line: 5, flow: flow(500, HOST, "1.2.3.4", 23) },
  { capture: "CTU-2", file: "CTU-2/conn.log.labeled", line: 1, flow: flow(150, HOST, "1.2.3.4", 23) },
];

/**
 * A one-row dataset (CTU-1 line 4, Malicious) with its flow index beside it, in a fresh directory;
 * `meta` adds to the row's meta.
 */
export function writeFlowIndexFixture(options: { meta?: Record<string, string | number> } = {}): {
  dir: string;
  datasetPath: string;
  indexPath: string;
} {
  const dir = mkdtempSync(join(tmpdir(), "sv-env-multi-turn-"));
  const datasetPath = join(dir, "ctu-v1.jsonl");
  const indexPath = join(dir, "ctu-v1.flows.sqlite");
  const target = FIXTURE_FLOWS[3]!;
  const row = {
    question: renderQuestion(target.flow),
    answer: "Malicious",
    meta: {
      source: "iot23",
      scenario: "CTU-1",
      attack_family: "Okiru",
      hash: flowHash(target.flow),
      split: "test",
      file: target.file,
      line: target.line,
      ...options.meta,
    },
  };
  writeFileSync(datasetPath, `${JSON.stringify(row)}\n`);
  const writer = createFlowIndexWriter({ path: indexPath });
  for (const entry of FIXTURE_FLOWS) writer.add(toIndexedFlow(entry)!);
  writer.close();
  return { dir, datasetPath, indexPath };
}
