import { FLOW_FIELDS, type Flow, type FlowField, flowHash } from "@sv/dataset";
import { addContextStats } from "../context/context-options.js";
import { HostContext } from "../context/host-context.js";
import { epochSecondsOfBytes } from "../context/record-time.js";
import { scanLines } from "../io/scan-lines.js";
import { combinePriority, seedLanes } from "../sampling/priority.js";
import type { Stratum } from "../sampling/stratified-sampler.js";
import type { FileReport, ReaderContext } from "./file-report.js";
import { type Iot23Scenario, iot23Scenario, scenarioFromZeekHeader } from "./iot23-scenario.js";
import { BENIGN_FAMILY, cleanFamily, UNKNOWN_FAMILY } from "./label-text.js";
import { textFileReport } from "./text-file-report.js";
import { IOT23_DEFAULT_FIELDS, parseZeekFields, type ZeekLayout } from "./zeek-layout.js";
import { isValidZeekValue } from "./zeek-values.js";

const TAB = 0x09;
const SPACE = 0x20;
const HASH_SIGN = 0x23;
const MAX_FIELDS = 64;
const BENIGN = Buffer.from("benign");
const MALICIOUS = Buffer.from("malicious");

/** 0 benign, 1 malicious, -1 anything else; ASCII case-insensitive, without decoding. */
function classify(buffer: Buffer, start: number, end: number): number {
  const length = end - start;
  const word = length === BENIGN.length ? BENIGN : length === MALICIOUS.length ? MALICIOUS : undefined;
  if (word === undefined) return -1;
  for (let offset = 0; offset < length; offset++) {
    if ((buffer[start + offset]! | 0x20) !== word[offset]) return -1;
  }
  return word === BENIGN ? 0 : 1;
}

interface Plan {
  layout: ZeekLayout;
  /** Flow fields present in the layout, with their positions. */
  fields: [FlowField, number][];
  contentFirst: number;
  contentLast: number;
  /** Positions of `ts` and `id.orig_h` (-1 when the layout has none), for context builds. */
  tsIndex: number;
  hostIndex: number;
}

/** A remembered line for context: the bytes of its fields before the label tail, and its layout. */
interface RememberedLine {
  bytes: Buffer;
  length: number;
  plan: Plan;
}

/** Decode a remembered line's flow fields (as the sampled flow's are decoded, `ts` left out). */
function decodeRemembered(line: RememberedLine): Flow {
  const flow: Flow = {};
  const ends: number[] = [];
  for (let position = 0; position < line.length; position++)
    if (line.bytes[position] === TAB) ends.push(position);
  ends.push(line.length);
  for (const [name, index] of line.plan.fields) {
    if (name === "ts" || index >= ends.length) continue;
    const value = line.bytes.toString("utf8", index === 0 ? 0 : ends[index - 1]! + 1, ends[index]!);
    if (value === "-" || value === "(empty)" || value === "") continue;
    flow[name] = value;
  }
  return flow;
}

function planFor(layout: ZeekLayout): Plan {
  const fields: [FlowField, number][] = [];
  let contentFirst = Number.MAX_SAFE_INTEGER;
  let contentLast = -1;
  for (const field of FLOW_FIELDS) {
    const position = layout.index.get(field);
    if (position === undefined || position >= layout.tailIndex) continue;
    fields.push([field, position]);
    if (field === "ts") continue;
    contentFirst = Math.min(contentFirst, position);
    contentLast = Math.max(contentLast, position);
  }
  const position = (name: string) => {
    const found = layout.index.get(name);
    return found === undefined || found >= layout.tailIndex ? -1 : found;
  };
  return {
    layout,
    fields,
    contentFirst,
    contentLast,
    tsIndex: position("ts"),
    hostIndex: position("id.orig_h"),
  };
}

export interface ReadZeekConnOptions extends ReaderContext {
  /** The scenario found from the file's paths (default: from its display name); a fallback gives way to the header. */
  scenario?: Iot23Scenario;
}

/** Header lines that can name the capture when no path does. */
const SCENARIO_HEADERS = ["#path\t", "#open\t"] as const;

/**
 * Read an IoT-23 Zeek `conn.log.labeled` (plain or `.gz`) in one streaming pass. Field positions come
 * from the `#fields` header; both label layouts, CRLF, lower-case labels, a missing `#close` or final
 * newline are handled. Only lines that may enter the sample are decoded into a flow. Without a
 * capture name in its path, the scenario comes from the `#path`/`#open` header before the first record.
 */
export async function readZeekConn(context: ReadZeekConnOptions): Promise<FileReport> {
  const { displayName, seed, sampler, skips } = context;
  let resolved = context.scenario ?? iot23Scenario(displayName);
  const header: { path?: string; open?: string } = {};
  let scenario = resolved.scenario;
  let strata: [Stratum, Stratum] | undefined;
  const openStrata = (): [Stratum, Stratum] => {
    const fromHeader = resolved.from === "fallback" ? scenarioFromZeekHeader(header) : undefined;
    if (fromHeader !== undefined) resolved = { scenario: fromHeader, from: "header" };
    scenario = resolved.scenario;
    return [sampler.stratum(scenario, "Benign"), sampler.stratum(scenario, "Malicious")];
  };
  let plan = planFor(parseZeekFields(IOT23_DEFAULT_FIELDS)!);
  const starts = new Int32Array(MAX_FIELDS + 2);
  const [firstLane, secondLane] = seedLanes(seed);
  const tokens = new Int32Array(16);
  const hosts = context.context ? new HostContext<RememberedLine>(context.context.options) : undefined;
  let rows = 0;
  let skipped = 0;
  const skip = (reason: string, line: number, detail?: string): void => {
    skipped++;
    skips.add(reason, `${displayName}:${line}`, detail);
  };

  // `--flow-index` only: every well-formed line is decoded (the sampler path decodes only kept lines).
  const indexLine = (buffer: Buffer, line: number): void => {
    const flow: Flow = {};
    for (const [name, index] of plan.fields) {
      const value = buffer.toString("utf8", starts[index]!, starts[index + 1]! - 1);
      if (value === "-" || value === "(empty)" || value === "") continue;
      if (!isValidZeekValue(name, value)) return;
      flow[name] = value;
    }
    context.indexFlow!(scenario, flow, line);
  };

  const onLine = (buffer: Buffer, start: number, end: number, line: number): void => {
    if (start === end) return;
    if (buffer[start] === HASH_SIGN) {
      const opening = buffer.toString("latin1", start, Math.min(end, start + 8));
      if (opening === "#fields\t") {
        const layout = parseZeekFields(buffer.toString("utf8", start, end));
        if (layout) plan = planFor(layout);
        else skip("header without a label column", line);
      } else if (strata === undefined) {
        for (const name of SCENARIO_HEADERS) {
          if (opening.startsWith(name))
            header[name === "#path\t" ? "path" : "open"] = buffer.toString("utf8", start + name.length, end);
        }
      }
      return;
    }
    strata ??= openStrata();
    rows++;
    const { layout } = plan;
    const tailIndex = layout.tailIndex;
    // Field starts up to the tail; starts[i + 1] - 1 is the end of field i.
    // One pass finds the tabs and hashes the content columns (the seeded priority, see priority.ts).
    let field = 0;
    starts[0] = start;
    let position = start;
    const { contentFirst, contentLast } = plan;
    for (; position < end && field < contentFirst; position++) {
      if (buffer[position] === TAB) starts[++field] = position + 1;
    }
    let first = firstLane;
    let second = secondLane;
    for (; position < end && field <= contentLast; position++) {
      const byte = buffer[position]!;
      if (byte === TAB) {
        starts[++field] = position + 1;
        if (field > contentLast) break;
      }
      first = Math.imul(first ^ byte, 0x01000193);
      second = Math.imul(second ^ byte, 0x5bd1e995);
    }
    for (; position < end && field < tailIndex; position++) {
      if (buffer[position] === TAB) starts[++field] = position + 1;
    }
    if (field < tailIndex) {
      skip("too few fields", line, `${field + 1} fields, expected ${layout.names.length}`);
      return;
    }
    // The tail: label columns split on any run of tabs or spaces.
    let count = 0;
    position = starts[tailIndex]!;
    while (position < end && count < 8) {
      while (position < end && (buffer[position] === TAB || buffer[position] === SPACE)) position++;
      if (position >= end) break;
      tokens[count * 2] = position;
      while (position < end && buffer[position] !== TAB && buffer[position] !== SPACE) position++;
      tokens[count * 2 + 1] = position;
      count++;
    }
    const expected = layout.names.length - tailIndex;
    const labelToken = layout.labelIndex - tailIndex;
    if (count > expected || count <= labelToken) {
      skip("label columns", line, `${count} label parts, expected ${expected}`);
      return;
    }
    const kind = classify(buffer, tokens[labelToken * 2]!, tokens[labelToken * 2 + 1]!);
    if (kind < 0) {
      const text = buffer.toString("utf8", tokens[labelToken * 2]!, tokens[labelToken * 2 + 1]!);
      skip("unknown label", line, JSON.stringify(text.slice(0, 40)));
      return;
    }
    if (context.indexFlow) indexLine(buffer, line);
    if (hosts === undefined) {
      offerLine(buffer, line, kind, first, second, count, undefined);
      return;
    }
    // Context builds: this flow takes its host's earlier flows, then is remembered for later ones.
    const host = fieldText(buffer, plan.hostIndex);
    const time =
      host === undefined || plan.tsIndex < 0
        ? undefined
        : epochSecondsOfBytes(buffer, starts[plan.tsIndex]!, starts[plan.tsIndex + 1]! - 1);
    if (host === undefined || time === undefined) {
      hosts.countUnplaced();
      offerLine(buffer, line, kind, first, second, count, undefined);
      return;
    }
    offerLine(buffer, line, kind, first, second, count, () => hosts.before(host, time).map(decodeRemembered));
    const length = starts[tailIndex]! - 1 - start;
    const linePlan = plan;
    hosts.remember(host, time, (reuse) => {
      const bytes =
        reuse && reuse.bytes.length >= length ? reuse.bytes : Buffer.allocUnsafe(Math.max(length, 256));
      buffer.copy(bytes, 0, start, start + length);
      if (reuse === undefined || reuse.bytes !== bytes) return { bytes, length, plan: linePlan };
      reuse.length = length;
      reuse.plan = linePlan;
      return reuse;
    });
  };

  /** The text of field `index` of the current line; undefined when unset or absent from the layout. */
  const fieldText = (buffer: Buffer, index: number): string | undefined => {
    if (index < 0) return undefined;
    const value = buffer.toString("latin1", starts[index]!, starts[index + 1]! - 1);
    return value === "-" || value === "" ? undefined : value;
  };

  const offerLine = (
    buffer: Buffer,
    line: number,
    kind: number,
    first: number,
    second: number,
    count: number,
    earlier: (() => Flow[]) | undefined,
  ): void => {
    const { layout } = plan;
    const tailIndex = layout.tailIndex;
    const stratum = strata![kind]!;
    const priority = combinePriority(first, second);
    if (!stratum.accepts(priority)) return;
    const contentStart = starts[plan.contentFirst]!;
    const contentEnd = starts[plan.contentLast + 1]! - 1;
    if (stratum.reservoir.dropsRawCopy(priority, buffer, contentStart, contentEnd)) return;
    const flow: Flow = {};
    for (const [name, index] of plan.fields) {
      const value = buffer.toString("utf8", starts[index]!, starts[index + 1]! - 1);
      if (value === "-" || value === "(empty)" || value === "") continue;
      if (!isValidZeekValue(name, value)) {
        stratum.reject();
        skip("invalid value", line, `${name}=${JSON.stringify(value.slice(0, 40))}`);
        return;
      }
      flow[name] = value;
    }
    const detailedToken = layout.detailedIndex - tailIndex;
    let family = BENIGN_FAMILY;
    if (kind === 1) {
      family =
        layout.detailedIndex >= 0 && detailedToken < count
          ? cleanFamily(buffer.toString("utf8", tokens[detailedToken * 2]!, tokens[detailedToken * 2 + 1]!))
          : UNKNOWN_FAMILY;
    }
    stratum.offer({
      priority,
      hash: flowHash(flow),
      flow,
      label: kind === 1 ? "Malicious" : "Benign",
      family,
      scenario,
      file: displayName,
      line,
      raw: Buffer.from(buffer.subarray(contentStart, contentEnd)),
      ...(earlier ? { context: earlier() } : {}),
    });
  };

  const result = await scanLines({
    path: context.path,
    onLine,
    onOverlong: (line) => skip("line too long", line),
    onDamagedGzip: (line, message) => skip("truncated or corrupt gzip (rest of file lost)", line, message),
  });
  if (hosts) addContextStats(context.context!.stats, hosts.stats());
  if (strata === undefined) openStrata();
  return {
    ...textFileReport({ context, format: "zeek-conn-labeled", result, rows, skipped }),
    scenario: resolved.scenario,
    scenario_from: resolved.from,
  };
}
