import { CONTENT_FIELDS, FLOW_FIELDS, type Flow, type FlowField, type FlowValue, UNSET } from "./flow.js";

const SECONDS_FIELDS = new Set<FlowField>(["ts", "duration"]);

/** How one value reads in the question: Zeek's conventions (`-` unset, six decimals for seconds). */
export function formatFlowValue(field: FlowField, value: FlowValue): string {
  if (value === null || value === undefined) return UNSET;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return UNSET;
    if (SECONDS_FIELDS.has(field)) return value.toFixed(6);
    return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  }
  const text = value.trim();
  // Separators of the question text would make it ambiguous; Zeek values never contain them.
  return text === "" || text === "(empty)" ? UNSET : text.replace(/[,=\r\n\t]/g, "_");
}

export interface RenderQuestionOptions {
  /** Include `ts` when the flow has one (default false: timestamps identify captures, not behaviour). */
  includeTimestamp?: boolean;
}

/**
 * The question text: `Log Entry: id.orig_h=..., id.orig_p=..., ...` in {@link FLOW_FIELDS} order,
 * `-` for unknown values. A flow has no label field, so a question can never leak one.
 */
export function renderQuestion(flow: Flow, options: RenderQuestionOptions = {}): string {
  return `${LOG_ENTRY_PREFIX} ${renderFlowFields(flow, options)}`;
}

/** The line prefix of the flow to classify, in single-flow and context questions alike. */
export const LOG_ENTRY_PREFIX = "Log Entry:";

/** The `key=value, …` part of a question (no prefix), as {@link renderQuestion} writes it. */
export function renderFlowFields(flow: Flow, options: RenderQuestionOptions = {}): string {
  const fields = options.includeTimestamp && flow.ts != null ? FLOW_FIELDS : CONTENT_FIELDS;
  const parts: string[] = [];
  for (const field of fields) parts.push(`${field}=${formatFlowValue(field, flow[field])}`);
  return parts.join(", ");
}

/**
 * Read a question back into a flow (string values; `-` becomes absent). Inverse of
 * {@link renderQuestion} for the canonical fields; unknown keys are ignored. For a context question
 * (see `renderContextQuestion`) it reads the flow to classify, the last `Log Entry:` line.
 */
export function parseQuestion(question: string): Flow {
  const entry = question.lastIndexOf(`\n${LOG_ENTRY_PREFIX}`);
  const last = entry >= 0 ? question.slice(entry + 1) : question;
  const body = last.startsWith(LOG_ENTRY_PREFIX) ? last.slice(LOG_ENTRY_PREFIX.length) : last;
  return parseFlowFields(body);
}

/** Read a `key=value, …` list (no prefix) into a flow; unknown keys and `-` values are left out. */
export function parseFlowFields(body: string): Flow {
  const flow: Flow = {};
  const known = new Set<string>(FLOW_FIELDS);
  for (const part of body.split(",")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (known.has(key) && value !== UNSET && value !== "") flow[key as FlowField] = value;
  }
  return flow;
}
