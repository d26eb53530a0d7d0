import { flowHash } from "@sv/dataset";
import { priorityOfString } from "../sampling/priority.js";
import type { ReaderContext } from "./file-report.js";
import type { MappedRecord } from "./tabular-mapper.js";

/** Offer one mapped record to its (scenario × label) stratum; the priority comes from the flow hash. */
export function offerMapped(
  context: ReaderContext,
  scenario: string,
  record: MappedRecord,
  line: number,
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
  });
}
