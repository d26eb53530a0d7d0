import { type Flow, flowHash } from "@sv/dataset";
import type { HostContext } from "../context/host-context.js";
import { recordStartSeconds } from "../context/record-time.js";
import { priorityOfString } from "../sampling/priority.js";
import type { ReaderContext } from "./file-report.js";
import type { MappedRecord } from "./tabular-mapper.js";

/**
 * Offer one mapped record to its (scenario × label) stratum; the priority comes from the flow hash.
 * With `hosts` (context builds), a record that may enter the sample takes its host's earlier flows as
 * context, and every record with a start time and originator is then remembered as possible context.
 */
export function offerMapped(
  context: ReaderContext,
  scenario: string,
  record: MappedRecord,
  line: number,
  hosts?: HostContext<Flow>,
): void {
  const host = hosts ? record.flow["id.orig_h"] : undefined;
  const time = hosts && typeof host === "string" ? recordStartSeconds(record.extra) : undefined;
  offerRecord(
    context,
    scenario,
    record,
    line,
    hosts && time !== undefined ? () => hosts.before(host as string, time) : undefined,
  );
  if (!hosts) return;
  if (time === undefined) hosts.countUnplaced();
  else hosts.remember(host as string, time, () => record.flow);
}

function offerRecord(
  context: ReaderContext,
  scenario: string,
  record: MappedRecord,
  line: number,
  earlier: (() => Flow[]) | undefined,
): void {
  const hash = flowHash(record.flow);
  const priority = priorityOfString(hash, context.seed);
  const stratum = context.sampler.stratum(scenario, record.label);
  if (!stratum.accepts(priority)) return;
  stratum.offer({
    priority,
    hash,
    flow: record.flow,
    label: record.label,
    family: record.family,
    scenario,
    file: context.displayName,
    line,
    ...(record.extra ? { extra: record.extra } : {}),
    ...(earlier ? { context: earlier() } : {}),
  });
}
