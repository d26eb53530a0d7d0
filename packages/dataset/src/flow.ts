/**
 * The canonical flow: Zeek `conn.log` field names, in the order the question text lists them.
 * CIC-IDS-2017 and UNSW-NB15 records are mapped onto the same names (seconds, bytes, packets,
 * lower-case protocol names), so every source reads the same to a model.
 */
export const FLOW_FIELDS = [
  "ts",
  "id.orig_h",
  "id.orig_p",
  "id.resp_h",
  "id.resp_p",
  "proto",
  "service",
  "duration",
  "orig_bytes",
  "resp_bytes",
  "conn_state",
  "missed_bytes",
  "history",
  "orig_pkts",
  "orig_ip_bytes",
  "resp_pkts",
  "resp_ip_bytes",
] as const;

export type FlowField = (typeof FLOW_FIELDS)[number];

/** A value as the question shows it; `null`/`undefined`/`""` mean unknown and render as `-`. */
export type FlowValue = string | number | null | undefined;

/** One network flow. Fields a source does not have are left out (or null). */
export type Flow = Partial<Record<FlowField, FlowValue>>;

/** Fields that are part of the flow's identity for hashing and deduplication (everything but `ts`). */
export const CONTENT_FIELDS: readonly FlowField[] = FLOW_FIELDS.filter((field) => field !== "ts");

/** Fields that hold a number (seconds, bytes or packets); the rest are addresses, ports or names. */
export const NUMERIC_FLOW_FIELDS = [
  "duration",
  "orig_bytes",
  "resp_bytes",
  "missed_bytes",
  "orig_pkts",
  "orig_ip_bytes",
  "resp_pkts",
  "resp_ip_bytes",
] as const satisfies readonly FlowField[];

/** Zeek's own marker for an unset value. */
export const UNSET = "-";
