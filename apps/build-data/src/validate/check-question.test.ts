import fc from "fast-check";
import { renderContextQuestion, renderQuestion } from "@sv/dataset";
import { describe, expect, it } from "vitest";
import { checkQuestion } from "./check-question.js";
import { createLeakMatcher } from "./leak-words.js";

const question = renderQuestion({
  "id.orig_h": "192.168.1.195",
  "id.orig_p": 41040,
  "id.resp_h": "185.244.25.235",
  "id.resp_p": 23,
  proto: "tcp",
  duration: 3.139211,
  orig_bytes: 0,
  resp_bytes: 0,
  conn_state: "S0",
  missed_bytes: 0,
  history: "S",
  orig_pkts: 3,
  orig_ip_bytes: 180,
  resp_pkts: 0,
  resp_ip_bytes: 0,
});

const leaks = createLeakMatcher(["Okiru"]);
const problems = (text: string) => checkQuestion(text, leaks);

describe("checkQuestion", () => {
  it("accepts what renderQuestion writes", () => {
    expect(problems(question)).toEqual([]);
    expect(
      problems(renderQuestion({ "id.resp_p": 53, proto: "udp", service: "dns", "id.resp_h": "fe80::1" })),
    ).toEqual([]);
  });

  it.each([
    ["service=-", "service=C&C", "service", /family word "C&C"/],
    ["history=S", "history=PartOfAHorizontalPortScan", "history", /"PartOfAHorizontalPortScan"/],
    ["proto=tcp", "proto=TCP", "proto", /not a lower-case protocol/],
    ["orig_pkts=3", "orig_pkts=03", "orig_pkts", /not a count/],
    ["duration=3.139211", "duration=3.14", "duration", /six decimals/],
    ["id.resp_p=23", "id.resp_p=70000", "id.resp_p", /port/],
    ["id.orig_h=192.168.1.195", "id.orig_h=host-a", "id.orig_h", /not an IP address/],
    ["conn_state=S0", "conn_state=XX", "conn_state", /conn_state/],
    ["resp_ip_bytes=0", "resp_ip_bytes=0 (a scan)", "resp_ip_bytes", /not a count/],
    ["resp_ip_bytes=0", "resp_ip_bytes=0 this is benign", "resp_ip_bytes", /label or family word "benign"/],
  ])("rejects %s written as %s", (from, to, field, message) => {
    const found = problems(question.replace(from, to));
    expect(found).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it("rejects unknown keys, free text, repeated keys and another order", () => {
    expect(problems(`${question}, tunnel_parents=Okiru`)).toEqual([
      { field: "tunnel_parents", message: "unknown key" },
    ]);
    expect(problems(`${question}, note: this flow is part of a botnet`)[0]?.message).toMatch(
      /not a key=value pair/,
    );
    expect(problems(`${question}, proto=tcp`)).toEqual([{ field: "proto", message: "repeated key" }]);
    const swapped = question.replace("proto=tcp, service=-", "service=-, proto=tcp");
    expect(problems(swapped)[0]?.message).toMatch(/not the canonical rendering/);
    expect(problems(question.replace(", service=-", ""))[0]?.message).toMatch(/not the canonical rendering/);
    expect(problems(question.replace("Log Entry: ", "Log entry: "))[0]?.message).toMatch(/does not start/);
  });
});

const flowArbitrary = fc.record(
  {
    "id.orig_h": fc.oneof(
      fc.ipV4(),
      fc.ipV6().map((address) => address.toLowerCase()),
    ),
    "id.orig_p": fc.integer({ min: 0, max: 65535 }),
    "id.resp_h": fc.ipV4(),
    "id.resp_p": fc.integer({ min: 0, max: 65535 }),
    proto: fc.constantFrom("tcp", "udp", "icmp", "unknown_transport", "sctp", "ipv6-frag", "sat-expak"),
    service: fc.constantFrom("dns", "http", "ssl", "ftp-data", "irc", "dhcp"),
    duration: fc.double({ min: 0, max: 1e5, noNaN: true }),
    orig_bytes: fc.nat(),
    resp_bytes: fc.nat(),
    conn_state: fc.constantFrom("S0", "S1", "SF", "REJ", "RSTO", "RSTOS0", "SH", "OTH"),
    missed_bytes: fc.nat(),
    history: fc.stringMatching(/^[ShAaDdFfRrCcTtWw^]{1,12}$/),
    orig_pkts: fc.nat(),
    orig_ip_bytes: fc.nat(),
    resp_pkts: fc.nat(),
    resp_ip_bytes: fc.nat(),
  },
  { requiredKeys: [] },
);

describe("checkQuestion (property)", () => {
  it("accepts every question renderQuestion writes, and rejects it with one value upper-cased or zero-padded", () => {
    fc.assert(
      fc.property(flowArbitrary, (flow) => {
        const text = renderQuestion(flow);
        expect(problems(text)).toEqual([]);
        if (flow.proto !== undefined)
          expect(
            problems(text.replace(`proto=${flow.proto}`, `proto=${flow.proto.toUpperCase()}`)),
          ).toHaveLength(1);
        if (flow.orig_pkts !== undefined)
          expect(
            problems(text.replace(`orig_pkts=${flow.orig_pkts}`, `orig_pkts=0${flow.orig_pkts}`)),
          ).toHaveLength(1);
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});

describe("checkQuestion on context questions", () => {
  const flow = {
    "id.orig_h": "192.168.1.195",
    "id.resp_h": "185.244.25.235",
    "id.resp_p": 23,
    proto: "tcp",
    conn_state: "S0",
    history: "S",
  };
  const earlier = { ...flow, "id.resp_h": "185.244.25.236", history: "Sr", conn_state: "REJ" };
  const context = renderContextQuestion({ context: [earlier, flow], flow, windowSeconds: 300 });

  it("accepts what renderContextQuestion writes, with or without earlier flows", () => {
    expect(problems(context)).toEqual([]);
    expect(problems(renderContextQuestion({ context: [], flow, windowSeconds: 60 }))).toEqual([]);
  });

  it("names the context flow with a non-canonical value or a family word", () => {
    const bad = context.replace("\n2. id.orig_h=192.168.1.195", "\n2. id.orig_h=192.168.1.999");
    expect(problems(bad)[0]?.message).toMatch(/^context flow 2: value "192.168.1.999"/);
    const leaking = context.replace("history=Sr", "history=Okiru");
    expect(problems(leaking)[0]).toMatchObject({
      field: "history",
      message: expect.stringMatching(/^context flow 1: .*Okiru/),
    });
  });

  it("rejects a broken header, numbering, a ts in a context flow or free text", () => {
    expect(problems(context.replace("the 2 earlier", "the 3 earlier"))).not.toEqual([]);
    expect(problems(context.replace("\n2. ", "\n3. "))).not.toEqual([]);
    expect(problems(context.replace("\n1. ", "\n1. ts=1.000000, "))).not.toEqual([]);
    expect(problems(`${context}\nnote: looks bad`)).not.toEqual([]);
  });
});
