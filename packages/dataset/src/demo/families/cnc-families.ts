import { type DemoFamily, ipBytes } from "../demo-family.js";
import { probe } from "./tcp-probe.js";

const CNC_SERVERS = ["185.244.25.235", "46.101.251.172", "89.248.165.74"] as const;

/** C&C sessions (IRC and raw TCP) to a few fixed servers, some unanswered. */
export const IRC_CNC: DemoFamily = {
  family: "C&C",
  behaviour: "irc-cnc",
  answer: "Malicious",
  weight: 22,
  draw: (random, host) => {
    const port = random.pick([6667, 6667, 23, 1312, 48101, 443, 81]);
    const target = random.pick(CNC_SERVERS);
    if (random.chance(0.25)) return { ...probe(random, host, port, target), conn_state: "S0" };
    const orig = random.int(20, 900);
    const resp = random.int(0, 2600);
    const [origPkts, respPkts] = [random.int(4, 40), random.int(2, 35)];
    return {
      "id.orig_h": host,
      "id.orig_p": random.ephemeralPort(),
      "id.resp_h": target,
      "id.resp_p": port,
      proto: "tcp",
      service: port === 6667 && random.chance(0.6) ? "irc" : undefined,
      duration: random.seconds(0.5, 600),
      orig_bytes: orig,
      resp_bytes: resp,
      conn_state: random.pick(["SF", "S3", "RSTR", "RSTO", "S1"]),
      missed_bytes: 0,
      history: random.pick(["ShAdDaFf", "ShAdDa", "ShAdDar", "ShADadR", "ShAdDaf"]),
      orig_pkts: origPkts,
      orig_ip_bytes: ipBytes(orig, origPkts, 52),
      resp_pkts: respPkts,
      resp_ip_bytes: ipBytes(resp, respPkts, 52),
    };
  },
};

/** DNS lookups of the C&C name: indistinguishable from benign DNS by the flow alone. */
export const CNC_LOOKUP: DemoFamily = {
  family: "C&C",
  behaviour: "cnc-lookup",
  answer: "Malicious",
  weight: 5,
  draw: (random, host) => {
    const [orig, resp] = [random.int(30, 48), random.int(46, 130)];
    return {
      "id.orig_h": host,
      "id.orig_p": random.ephemeralPort(),
      "id.resp_h": random.pick(["8.8.8.8", "1.1.1.1"]),
      "id.resp_p": 53,
      proto: "udp",
      service: "dns",
      duration: random.seconds(0.01, 0.3),
      orig_bytes: orig,
      resp_bytes: resp,
      conn_state: "SF",
      missed_bytes: 0,
      history: "Dd",
      orig_pkts: 1,
      orig_ip_bytes: orig + 28,
      resp_pkts: 1,
      resp_ip_bytes: resp + 28,
    };
  },
};
