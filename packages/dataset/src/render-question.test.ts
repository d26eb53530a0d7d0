import { describe, expect, it } from "vitest";
import { flowHash } from "./flow-hash.js";
import { parseQuestion, renderQuestion } from "./render-question.js";

const flow = {
  ts: 1551364450.1,
  "id.orig_h": "192.168.1.195",
  "id.orig_p": 41040,
  "id.resp_h": "185.244.25.235",
  "id.resp_p": 6667,
  proto: "tcp",
  service: "irc",
  duration: 2.998796,
  orig_bytes: 0,
  resp_bytes: null,
  conn_state: "S0",
  missed_bytes: 0,
  history: "S",
  orig_pkts: 3,
  orig_ip_bytes: 180,
  resp_pkts: 0,
  resp_ip_bytes: 0,
};

describe("renderQuestion", () => {
  it("renders Zeek field names in order with - for unknown", () => {
    expect(renderQuestion(flow)).toBe(
      "Log Entry: id.orig_h=192.168.1.195, id.orig_p=41040, id.resp_h=185.244.25.235, id.resp_p=6667, proto=tcp, service=irc, duration=2.998796, orig_bytes=0, resp_bytes=-, conn_state=S0, missed_bytes=0, history=S, orig_pkts=3, orig_ip_bytes=180, resp_pkts=0, resp_ip_bytes=0",
    );
  });

  it("includes ts only when asked", () => {
    expect(renderQuestion(flow, { includeTimestamp: true })).toMatch(
      /^Log Entry: ts=1551364450\.100000, id\.orig_h=/,
    );
  });

  it("never emits None, ? or separators inside values", () => {
    const question = renderQuestion({ proto: "tcp", service: "a,b=c", history: "" });
    expect(question).not.toMatch(/None|\?/);
    expect(question).toContain("service=a_b_c");
    expect(question).toContain("history=-");
  });

  it("round-trips through parseQuestion", () => {
    const parsed = parseQuestion(renderQuestion(flow));
    expect(parsed.proto).toBe("tcp");
    expect(parsed.resp_bytes).toBeUndefined();
    expect(renderQuestion(parsed)).toBe(renderQuestion(flow));
  });
});

describe("flowHash", () => {
  it("is 16 hex characters, ignores ts and depends on content", () => {
    const hash = flowHash(flow);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(flowHash({ ...flow, ts: 1 })).toBe(hash);
    expect(flowHash({ ...flow, "id.resp_p": 23 })).not.toBe(hash);
    expect(flowHash({ ...flow, "id.resp_p": "6667" })).toBe(hash);
  });
});
