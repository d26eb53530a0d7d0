import { type Flow, parseContextQuestion } from "@sv/dataset";

/** Zeek states of a connection attempt that got no (proper) answer. */
const FAILED_STATES = new Set(["S0", "REJ", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"]);

/** Aggregates over a flow's context (its originator's earlier flows), the inputs of the context features. */
export interface ContextAggregates {
  /** Earlier flows shown. */
  flows: number;
  /** Distinct responder addresses among the earlier flows and the flow itself. */
  distinctResponders: number;
  /** Distinct responder ports among the earlier flows and the flow itself. */
  distinctPorts: number;
  /** Share of earlier flows in a failed state (S0, REJ, RST*, SH, SHR, OTH); undefined without any. */
  failedShare: number | undefined;
  /** Share of earlier flows to the same responder port as the flow; undefined without any. */
  samePortShare: number | undefined;
  /** Share of earlier flows to the same responder address as the flow; undefined without any. */
  sameResponderShare: number | undefined;
}

function text(flow: Flow, field: keyof Flow): string | undefined {
  const value = flow[field];
  return value === undefined || value === null || value === "" ? undefined : String(value);
}

function share(flows: readonly Flow[], test: (flow: Flow) => boolean): number | undefined {
  return flows.length === 0 ? undefined : flows.filter(test).length / flows.length;
}

/** The aggregates of a context question; undefined for a single-flow question. */
export function contextAggregates(question: string): ContextAggregates | undefined {
  const parsed = parseContextQuestion(question);
  if (parsed === undefined) return undefined;
  const { context, flow } = parsed;
  const all = [...context, flow];
  const port = text(flow, "id.resp_p");
  const responder = text(flow, "id.resp_h");
  return {
    flows: context.length,
    distinctResponders: new Set(all.map((entry) => text(entry, "id.resp_h") ?? "-")).size,
    distinctPorts: new Set(all.map((entry) => text(entry, "id.resp_p") ?? "-")).size,
    failedShare: share(context, (entry) => FAILED_STATES.has(text(entry, "conn_state") ?? "")),
    samePortShare: share(context, (entry) => port !== undefined && text(entry, "id.resp_p") === port),
    sameResponderShare: share(
      context,
      (entry) => responder !== undefined && text(entry, "id.resp_h") === responder,
    ),
  };
}

function bucket(share: number | undefined): string {
  if (share === undefined) return "-";
  return share === 0 ? "0" : share === 1 ? "1" : share < 0.5 ? "low" : "high";
}

/**
 * Named features of a question's context (none for a single-flow question): the number of earlier
 * flows, distinct responders and ports in the window, and the shares of failed connections and of
 * flows to the same port and responder, each as a bucket plus a scaled value.
 */
export function contextFeatureNames(question: string): [string, number][] {
  const aggregates = contextAggregates(question);
  if (aggregates === undefined) return [];
  const { flows, distinctResponders, distinctPorts } = aggregates;
  const features: [string, number][] = [
    [`ctx_flows=${Math.min(flows, 10)}`, 1],
    ["ctx_flows_log", Math.log1p(flows) / 3],
    [`ctx_responders_log2=${Math.floor(Math.log2(distinctResponders))}`, 1],
    ["ctx_responders_share", flows === 0 ? 0 : (distinctResponders - 1) / flows],
    [`ctx_ports_log2=${Math.floor(Math.log2(distinctPorts))}`, 1],
    ["ctx_ports_share", flows === 0 ? 0 : (distinctPorts - 1) / flows],
    [`ctx_failed=${bucket(aggregates.failedShare)}`, 1],
    [`ctx_same_port=${bucket(aggregates.samePortShare)}`, 1],
    [`ctx_same_responder=${bucket(aggregates.sameResponderShare)}`, 1],
  ];
  if (aggregates.failedShare !== undefined) features.push(["ctx_failed_share", aggregates.failedShare]);
  return features;
}
