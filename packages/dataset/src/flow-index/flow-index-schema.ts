/** The index format written by {@link createFlowIndexWriter}; readers refuse any other. */
export const FLOW_INDEX_FORMAT = "sv-flow-index-v1";

/** The index file written next to a dataset: `<dataset>.flows.sqlite`. */
export function flowIndexPathFor(datasetPath: string): string {
  return `${datasetPath.replace(/\.jsonl$/, "")}.flows.sqlite`;
}

/**
 * One flow as the index holds it. Never a label, a detailed label or an attack family: the tools
 * answer from these rows, so nothing here may give the answer away.
 */
export interface IndexedFlow {
  /** The capture (scenario) the flow belongs to; tools never cross captures. */
  capture: string;
  /** Seconds since the epoch. */
  ts: number;
  origH: string | null;
  origP: number | null;
  respH: string | null;
  respP: number | null;
  proto: string | null;
  /** `meta.hash` of the flow (content hash), so a tool can leave the classified flow out. */
  hash: string;
  /** Provenance, as `meta.file` and `meta.line` of a dataset row. */
  file: string;
  line: number;
  /** The flow rendered as the question shows it, without the `Log Entry: ` prefix (`ts` included). */
  text: string;
}

export const CREATE_TABLES = `
CREATE TABLE index_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE flows (
  capture TEXT NOT NULL,
  ts REAL NOT NULL,
  orig_h TEXT,
  orig_p INTEGER,
  resp_h TEXT,
  resp_p INTEGER,
  proto TEXT,
  hash TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  text TEXT NOT NULL
);`;

/** Built after the bulk load (faster than maintaining them row by row). */
export const CREATE_INDEXES = `
CREATE INDEX flows_by_orig_h ON flows (capture, orig_h, ts);
CREATE INDEX flows_by_resp_h ON flows (capture, resp_h, ts);
CREATE INDEX flows_by_resp_p ON flows (capture, resp_p, ts);
CREATE INDEX flows_by_location ON flows (file, line);`;
