/** The IoT-23 `#fields` line (three-space label columns), used when a file has no `#fields` header. */
export const IOT23_DEFAULT_FIELDS =
  "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents   label   detailed-label";

const DETAILED_LABEL_NAMES = ["detailed-label", "detailed_label", "det_label"];

/** Field positions of a Zeek log, read from its `#fields` header. */
export interface ZeekLayout {
  /** Field names, with the three-space label column split into its parts. */
  names: string[];
  /** Position of each name. */
  index: ReadonlyMap<string, number>;
  /**
   * From this field on, the row is split on any whitespace run (tabs or spaces), so both label layouts
   * (`tunnel_parents   label   detailed-label` in one tab column, or three tab columns) read the same.
   */
  tailIndex: number;
  labelIndex: number;
  /** -1 when the log has no detailed label. */
  detailedIndex: number;
}

/** Parse a `#fields` line; undefined when it has no `label` column (not a labelled conn log). */
export function parseZeekFields(line: string): ZeekLayout | undefined {
  const body = line.replace(/\r$/, "").split("\t").slice(1);
  const names = body.flatMap((part) => part.split(/ {2,}/).map((name) => name.trim()));
  const index = new Map<string, number>();
  names.forEach((name, position) => {
    if (!index.has(name)) index.set(name, position);
  });
  const labelIndex = index.get("label");
  if (labelIndex === undefined) return undefined;
  const tunnel = index.get("tunnel_parents");
  const tailIndex = tunnel !== undefined && tunnel < labelIndex ? tunnel : labelIndex;
  const detailed = DETAILED_LABEL_NAMES.map((name) => index.get(name)).find((value) => value !== undefined);
  return { names, index, tailIndex, labelIndex, detailedIndex: detailed ?? -1 };
}
