import { type Flow, parseQuestion } from "@sv/dataset";
import type { Label } from "@sv/parser";

/** The heuristic's verdict on one flow. */
export interface HeuristicVerdict {
  label: Label;
  confidence: number;
  rationale: string;
}

const IRC_PORTS = new Set([6665, 6666, 6667, 6668, 6669, 6697]);
/** Telnet and ports IoT botnets exploit (Huawei HG532 37215, Realtek 52869, TR-069 7547, ADB 5555). */
const EXPLOITED_PORTS = new Set([23, 2323, 37215, 52869, 7547, 5555]);
/** Network housekeeping: DNS, NTP, DHCP, SSDP, mDNS. */
const HOUSEKEEPING_PORTS = new Set([53, 67, 68, 123, 1900, 5353]);
const HOUSEKEEPING_SERVICES = new Set(["dns", "ntp", "dhcp"]);
const UNANSWERED_STATES = new Set(["S0", "REJ", "RSTOS0", "SH"]);

function number(flow: Flow, field: keyof Flow): number | undefined {
  const value = flow[field];
  if (value === undefined || value === null || value === "") return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function text(flow: Flow, field: keyof Flow): string {
  const value = flow[field];
  return value === undefined || value === null ? "" : String(value);
}

/**
 * Documented rules over the flow fields, first match wins:
 * 1. no flow fields → Abstain (0.5);
 * 2. IRC (service `irc` or port 6665–6669/6697) → Malicious (0.9): the classic IoT botnet C&C channel;
 * 3. telnet or a port IoT botnets exploit (23, 2323, 37215, 52869, 7547, 5555) → Malicious (0.85);
 * 4. TCP without a handshake whose history is only `C`/`c` (state OTH) → Malicious (0.75): flood traffic;
 * 5. an unanswered SYN (state S0/REJ/RSTOS0/SH, no reply packets) to a port above 1024 → Malicious (0.7): scan;
 * 6. DNS, NTP, DHCP, SSDP or mDNS (by service or port) → Benign (0.8);
 * 7. a completed TCP exchange (SF) with payload both ways → Benign (0.75);
 * 8. any other unanswered SYN → Malicious (0.55);
 * 9. otherwise → Benign (0.55), since most traffic is benign.
 */
export function heuristicVerdict(question: string): HeuristicVerdict {
  const flow = parseQuestion(question);
  if (Object.keys(flow).length === 0) {
    return { label: "Abstain", confidence: 0.5, rationale: "no flow fields to judge" };
  }
  const port = number(flow, "id.resp_p");
  const proto = text(flow, "proto").toLowerCase();
  const service = text(flow, "service").toLowerCase();
  const state = text(flow, "conn_state");
  const history = text(flow, "history");
  const replyPackets = number(flow, "resp_pkts") ?? 0;
  if (service === "irc" || (port !== undefined && IRC_PORTS.has(port))) {
    return { label: "Malicious", confidence: 0.9, rationale: "IRC traffic, a common botnet C&C channel" };
  }
  if (port !== undefined && EXPLOITED_PORTS.has(port)) {
    return { label: "Malicious", confidence: 0.85, rationale: `port ${port} is a common IoT botnet target` };
  }
  if (proto === "tcp" && state === "OTH" && /^[Cc]+$/.test(history)) {
    return { label: "Malicious", confidence: 0.75, rationale: "TCP without a handshake, flood-like" };
  }
  const unansweredSyn = proto === "tcp" && UNANSWERED_STATES.has(state) && replyPackets === 0;
  if (unansweredSyn && port !== undefined && port > 1024) {
    return {
      label: "Malicious",
      confidence: 0.7,
      rationale: `unanswered SYN to high port ${port}, scan-like`,
    };
  }
  if (HOUSEKEEPING_SERVICES.has(service) || (port !== undefined && HOUSEKEEPING_PORTS.has(port))) {
    return { label: "Benign", confidence: 0.8, rationale: "network housekeeping (DNS/NTP/DHCP/SSDP)" };
  }
  if (state === "SF" && (number(flow, "orig_bytes") ?? 0) > 0 && (number(flow, "resp_bytes") ?? 0) > 0) {
    return { label: "Benign", confidence: 0.75, rationale: "completed exchange with data both ways" };
  }
  if (unansweredSyn) {
    return { label: "Malicious", confidence: 0.55, rationale: "unanswered connection attempt" };
  }
  return { label: "Benign", confidence: 0.55, rationale: "no rule matched; most traffic is benign" };
}
