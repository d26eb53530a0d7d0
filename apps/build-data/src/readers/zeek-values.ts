import type { FlowField } from "@sv/dataset";

const PORT = /^\d{1,5}$/;
const COUNT = /^\d{1,20}$/;
const SECONDS = /^\d{1,12}(?:\.\d{1,9})?$/;
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}(?:%[\w.-]+)?$/;
const WORD = /^[\w.@&:+-]{1,64}$/;
const HISTORY = /^[A-Za-z^]{1,64}$/;

const CHECKS: Partial<Record<FlowField, (value: string) => boolean>> = {
  ts: (value) => SECONDS.test(value),
  "id.orig_h": (value) => ADDRESS.test(value),
  "id.resp_h": (value) => ADDRESS.test(value),
  "id.orig_p": (value) => PORT.test(value) && Number(value) <= 65535,
  "id.resp_p": (value) => PORT.test(value) && Number(value) <= 65535,
  proto: (value) => WORD.test(value),
  service: (value) => WORD.test(value.replace(/,/g, "")),
  duration: (value) => SECONDS.test(value),
  orig_bytes: (value) => COUNT.test(value),
  resp_bytes: (value) => COUNT.test(value),
  conn_state: (value) => WORD.test(value),
  missed_bytes: (value) => COUNT.test(value),
  history: (value) => HISTORY.test(value),
  orig_pkts: (value) => COUNT.test(value),
  orig_ip_bytes: (value) => COUNT.test(value),
  resp_pkts: (value) => COUNT.test(value),
  resp_ip_bytes: (value) => COUNT.test(value),
};

/** Whether a Zeek value (not `-`) is well formed for its field: ports 0–65535, counts, seconds, addresses. */
export function isValidZeekValue(field: FlowField, value: string): boolean {
  const check = CHECKS[field];
  return check === undefined || check(value);
}
