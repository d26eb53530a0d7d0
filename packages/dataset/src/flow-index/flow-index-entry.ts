import type { Flow } from "../flow.js";
import { flowHash } from "../flow-hash.js";
import { renderQuestion } from "../render-question.js";
import type { IndexedFlow } from "./flow-index-schema.js";

export interface ToIndexedFlowOptions {
  capture: string;
  flow: Flow;
  file: string;
  line: number;
  /** The flow's `meta.hash` when the caller has it already (else computed). */
  hash?: string;
}

function port(value: Flow[keyof Flow]): number | null {
  const number = typeof value === "number" ? value : Number(value);
  return value !== null && value !== undefined && value !== "" && Number.isInteger(number) ? number : null;
}

function text(value: Flow[keyof Flow]): string | null {
  return value === null || value === undefined || value === "" || value === "-" ? null : String(value);
}

/**
 * A canonical flow as an index row, or `undefined` when it has no usable `ts` (a flow that cannot be
 * placed in time cannot be "before" anything).
 */
export function toIndexedFlow(options: ToIndexedFlowOptions): IndexedFlow | undefined {
  const { flow } = options;
  const ts = typeof flow.ts === "number" ? flow.ts : Number(flow.ts);
  if (flow.ts === null || flow.ts === undefined || flow.ts === "" || !Number.isFinite(ts)) return undefined;
  return {
    capture: options.capture,
    ts,
    origH: text(flow["id.orig_h"]),
    origP: port(flow["id.orig_p"]),
    respH: text(flow["id.resp_h"]),
    respP: port(flow["id.resp_p"]),
    proto: text(flow.proto),
    hash: options.hash ?? flowHash(flow),
    file: options.file,
    line: options.line,
    text: renderQuestion(flow, { includeTimestamp: true }).slice("Log Entry: ".length),
  };
}
