import { isIP } from "node:net";
import { type FlowField, formatFlowValue, NUMERIC_FLOW_FIELDS } from "@sv/dataset";

const CONN_STATES = new Set([
  "S0",
  "S1",
  "SF",
  "REJ",
  "S2",
  "S3",
  "RSTO",
  "RSTR",
  "RSTOS0",
  "RSTRH",
  "SH",
  "SHR",
  "OTH",
]);
const HISTORY = /^[SsHhAaDdFfRrCcGgTtWwIiQq^]+$/;
const PORT = /^(0|[1-9]\d{0,4})$/;
const COUNT = /^(0|[1-9]\d*)$/;
const NAME = /^[a-z0-9][a-z0-9+./_-]*$/;
const COUNT_FIELDS = new Set<FlowField>(NUMERIC_FLOW_FIELDS.filter((field) => field !== "duration"));

/**
 * Why a (set) value is not the canonical text of its field, or undefined when it is: the form
 * `build-data` writes (lower-case names, Zeek's conn_state and history letters, integers without
 * leading zeros, seconds with six decimals, valid addresses and ports).
 */
export function nonCanonicalReason(field: FlowField, value: string): string | undefined {
  switch (field) {
    case "id.orig_h":
    case "id.resp_h": {
      const version = isIP(value);
      if (version === 0) return "not an IP address";
      return version === 6 && value !== value.toLowerCase() ? "IPv6 address not in lower case" : undefined;
    }
    case "id.orig_p":
    case "id.resp_p":
      return PORT.test(value) && Number(value) <= 65535
        ? undefined
        : "not a port number 0-65535 (canonical digits)";
    case "proto":
    case "service":
      return NAME.test(value) ? undefined : "not a lower-case protocol or service name";
    case "conn_state":
      return CONN_STATES.has(value) ? undefined : "not a Zeek conn_state";
    case "history":
      return HISTORY.test(value) ? undefined : "not Zeek history letters";
    case "ts":
    case "duration": {
      const number = Number(value);
      return /^\d+\.\d{6}$/.test(value) && formatFlowValue(field, number) === value
        ? undefined
        : "not seconds with six decimals";
    }
    default:
      if (COUNT_FIELDS.has(field))
        return COUNT.test(value) ? undefined : "not a count (digits, no leading zero)";
      return undefined;
  }
}
