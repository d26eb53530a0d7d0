import { type Flow, flowHash } from "@sv/dataset";
import type { HostContext } from "../context/host-context.js";
import { recordStartSeconds } from "../context/record-time.js";
import { priorityOfString } from "../sampling/priority.js";
import type { ReaderContext } from "./file-report.js";
import type { MappedRecord } from "./tabular-mapper.js";

/** What {@link offerMapped} does with a record: offered, passed over by the sampler, or skipped. */
export type OfferOutcome = "offered" | "passed" | { skip: string; detail: string };

/** The first text field holding U+FFFD (a byte that was not UTF-8), as `name="value"`. */
function replacedText(record: MappedRecord): string | undefined {
  for (const [name, value] of Object.entries(record.flow)) {
    if (typeof value === "string" && value.includes("\ufffd"))
      return `${name}=${JSON.stringify(value.slice(0, 40))}`;
  }
  return undefined;
}

/**
 * Offer one mapped record to its (scenario × label) stratum; the priority comes from the flow hash. A
 * record the sampler would keep but whose shown text holds a byte that was not UTF-8 is skipped instead
 * (value checks run on the records that reach the sample, as for Zeek logs).
 *
 * With `hosts` (context builds), a record that may enter the sample takes its host's earlier flows as
 * context, and every record with a start time and originator is then remembered as possible context.
 */
export function offerMapped(
  context: ReaderContext,
  scenario: string,
  record: MappedRecord,
  line: number,
  hosts?: HostContext<Flow>,
): OfferOutcome {
  if (!hosts) return offerRecord(context, scenario, record, line, undefined);
  const host = record.flow["id.orig_h"];
  const time = typeof host === "string" ? recordStartSeconds(record.extra) : undefined;
  if (typeof host !== "string" || time === undefined) {
    hosts.countUnplaced();
    return offerRecord(context, scenario, record, line, undefined);
  }
  const outcome = offerRecord(context, scenario, record, line, () => hosts.before(host, time));
  if (typeof outcome !== "object") hosts.remember(host, time, () => record.flow);
  return outcome;
}

function offerRecord(
  context: ReaderContext,
  scenario: string,
  record: MappedRecord,
  line: number,
  earlier: (() => Flow[]) | undefined,
): OfferOutcome {
  const hash = flowHash(record.flow);
  context.indexFlow?.(scenario, record.flow, line);
  const priority = priorityOfString(hash, context.seed);
  const stratum = context.sampler.stratum(scenario, record.label);
  if (!stratum.accepts(priority)) return "passed";
  const replaced = replacedText(record);
  if (replaced !== undefined) {
    stratum.reject();
    return { skip: "invalid UTF-8 in a shown field", detail: replaced };
  }
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
  return "offered";
}
