import type { Flow } from "./flow.js";
import { LOG_ENTRY_PREFIX, parseFlowFields, renderFlowFields } from "./render-question.js";

/** What a context question shows: earlier flows of the same originator, then the flow to classify. */
export interface ContextQuestion {
  /** Earlier flows of the same originator host in the same capture, oldest first. */
  context: readonly Flow[];
  /** The flow to classify. */
  flow: Flow;
  /** The look-back window in whole seconds (shown in the text). */
  windowSeconds: number;
}

/** The first line of a context question; see {@link renderContextQuestion}. */
export function contextHeader(count: number, windowSeconds: number): string {
  if (count === 0)
    return `Context: no earlier flows from this originator in the ${windowSeconds} s before it.`;
  const flows = count === 1 ? "flow" : "flows";
  return `Context: the ${count} earlier ${flows} from this originator in the ${windowSeconds} s before it (oldest first):`;
}

/**
 * The context question text (a contract, see the package README):
 *
 * ```text
 * Context: the 2 earlier flows from this originator in the 300 s before it (oldest first):
 * 1. id.orig_h=…, id.orig_p=…, …
 * 2. id.orig_h=…, …
 * Log Entry: id.orig_h=…, …
 * ```
 *
 * Each flow is rendered exactly as {@link renderFlowFields} does for a single-flow question (no `ts`,
 * no label); with no earlier flow the header reads `Context: no earlier flows from this originator in
 * the 300 s before it.` and the `Log Entry:` line follows at once.
 */
export function renderContextQuestion(question: ContextQuestion): string {
  const { context, windowSeconds } = question;
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0)
    throw new RangeError(`windowSeconds must be a positive whole number, got ${windowSeconds}`);
  const lines = [contextHeader(context.length, windowSeconds)];
  context.forEach((flow, index) => {
    lines.push(`${index + 1}. ${renderFlowFields(flow)}`);
  });
  lines.push(`${LOG_ENTRY_PREFIX} ${renderFlowFields(question.flow)}`);
  return lines.join("\n");
}

const HEADER =
  /^Context: (?:no earlier flows|the (\d+) earlier flows?) from this originator in the (\d+) s before it(?:\.| \(oldest first\):)$/;

/**
 * Read a context question back (string values). Undefined when the text is not a context question
 * (e.g. a single-flow `Log Entry:` question). Structure only: the caller checks that rendering the
 * result again gives the same text.
 */
export function parseContextQuestion(question: string): ContextQuestion | undefined {
  const lines = question.split("\n");
  const header = HEADER.exec(lines[0] ?? "");
  if (!header || lines.length < 2) return undefined;
  const last = lines.at(-1)!;
  if (!last.startsWith(`${LOG_ENTRY_PREFIX} `)) return undefined;
  const context: Flow[] = [];
  for (const [index, line] of lines.slice(1, -1).entries()) {
    const prefix = `${index + 1}. `;
    if (!line.startsWith(prefix)) return undefined;
    context.push(parseFlowFields(line.slice(prefix.length)));
  }
  return {
    context,
    flow: parseFlowFields(last.slice(LOG_ENTRY_PREFIX.length)),
    windowSeconds: Number(header[2]),
  };
}
