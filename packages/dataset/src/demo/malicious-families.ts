import type { Flow } from "../flow.js";
import { type DemoFamily, ipBytes } from "./demo-family.js";
import type { DemoRandom } from "./demo-random.js";

const CNC_SERVERS = ["185.244.25.235", "46.101.251.172", "89.248.165.74"] as const;

/** A SYN that got nothing back (S0 `S`), or an RST (REJ `Sr`), or a few retransmitted SYNs. */
function probe(random: DemoRandom, host: string, port: number, target = random.publicIp()): Flow {
  const base = { "id.orig_h": host, "id.orig_p": random.ephemeralPort(), "id.resp_h": target };
  const flow: Flow = {
    ...base,
    "id.resp_p": port,
    proto: "tcp",
    missed_bytes: 0,
    orig_bytes: 0,
    resp_bytes: 0,
  };
  if (random.chance(0.12)) {
    return {
      ...flow,
      duration: random.seconds(0.0001, 0.4),
      conn_state: "REJ",
      history: "Sr",
      orig_pkts: 1,
      orig_ip_bytes: 60,
      resp_pkts: 1,
      resp_ip_bytes: 40,
    };
  }
  const packets = random.chance(0.7) ? 1 : random.int(2, 3);
  const duration = packets === 1 ? undefined : random.seconds(0.9, 6.2);
  const header = random.pick([40, 60]);
  return {
    ...flow,
    duration,
    orig_bytes: packets === 1 ? undefined : 0,
    resp_bytes: packets === 1 ? undefined : 0,
    conn_state: "S0",
    history: "S",
    orig_pkts: packets,
    orig_ip_bytes: packets * header,
    resp_pkts: 0,
    resp_ip_bytes: 0,
  };
}

/** Malicious IoT-23-like families: Mirai scans, Okiru, IRC C&C, DDoS floods, downloads, brute force. */
export const MALICIOUS_FAMILIES: readonly DemoFamily[] = [
  {
    family: "PartOfAHorizontalPortScan",
    behaviour: "mirai-scan",
    answer: "Malicious",
    weight: 30,
    draw: (random, host) =>
      probe(random, host, random.pick([23, 23, 23, 2323, 2323, 80, 8080, 22, 5555, 7547, 81])),
  },
  {
    family: "Okiru",
    behaviour: "okiru-scan",
    answer: "Malicious",
    weight: 17,
    draw: (random, host) => probe(random, host, random.pick([37215, 37215, 37215, 52869, 23, 8080])),
  },
  {
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
  },
  {
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
  },
  {
    family: "DDoS",
    behaviour: "flood",
    answer: "Malicious",
    weight: 22,
    draw: (random, host) => {
      const target = random.pick(["104.31.2.17", random.publicIp(), "198.18.0.10"]);
      if (random.chance(0.55)) {
        const packets = random.int(1, 3);
        return {
          "id.orig_h": host,
          "id.orig_p": random.int(1024, 65535),
          "id.resp_h": target,
          "id.resp_p": random.pick([80, 80, 443, random.int(1, 65535)]),
          proto: "tcp",
          duration: packets > 1 ? random.seconds(0, 0.002) : undefined,
          orig_bytes: packets > 1 ? 0 : undefined,
          resp_bytes: packets > 1 ? 0 : undefined,
          conn_state: "OTH",
          missed_bytes: 0,
          history: "C",
          orig_pkts: packets,
          orig_ip_bytes: packets * 40,
          resp_pkts: 0,
          resp_ip_bytes: 0,
        };
      }
      const packets = random.int(2, 3000);
      const size = random.pick([512, 1024, 1400, 0]);
      return {
        "id.orig_h": host,
        "id.orig_p": random.ephemeralPort(),
        "id.resp_h": target,
        "id.resp_p": random.int(1, 65535),
        proto: "udp",
        duration: random.seconds(0.05, 40),
        orig_bytes: packets * size,
        resp_bytes: 0,
        conn_state: "S0",
        missed_bytes: 0,
        history: "D",
        orig_pkts: packets,
        orig_ip_bytes: packets * (size + 28),
        resp_pkts: 0,
        resp_ip_bytes: 0,
      };
    },
  },
  {
    family: "FileDownload",
    behaviour: "loader-fetch",
    answer: "Malicious",
    weight: 8,
    draw: (random, host) => {
      const [orig, resp] = [random.int(90, 320), random.int(18_000, 640_000)];
      const [origPkts, respPkts] = [random.int(6, 200), Math.ceil(resp / 1448) + random.int(1, 4)];
      return {
        "id.orig_h": host,
        "id.orig_p": random.ephemeralPort(),
        "id.resp_h": random.publicIp(),
        "id.resp_p": random.pick([80, 80, 8080, 8000]),
        proto: "tcp",
        service: "http",
        duration: random.seconds(0.3, 12),
        orig_bytes: orig,
        resp_bytes: resp,
        conn_state: "SF",
        missed_bytes: 0,
        history: "ShADadfF",
        orig_pkts: origPkts,
        orig_ip_bytes: ipBytes(orig, origPkts, 52),
        resp_pkts: respPkts,
        resp_ip_bytes: ipBytes(resp, respPkts, 52),
      };
    },
  },
  {
    family: "Attack",
    behaviour: "exploit",
    answer: "Malicious",
    weight: 8,
    draw: (random, host) => {
      const telnet = random.chance(0.5);
      const [orig, resp] = telnet
        ? [random.int(10, 80), random.int(20, 200)]
        : [random.int(300, 900), random.int(0, 600)];
      const [origPkts, respPkts] = [random.int(3, 12), random.int(2, 10)];
      return {
        "id.orig_h": host,
        "id.orig_p": random.ephemeralPort(),
        "id.resp_h": random.pick([random.publicIp(), "192.168.1.1"]),
        "id.resp_p": telnet ? 23 : random.pick([80, 8080, 52869]),
        proto: "tcp",
        service: telnet ? undefined : "http",
        duration: random.seconds(0.05, 9),
        orig_bytes: orig,
        resp_bytes: resp,
        conn_state: random.pick(["SF", "RSTO", "RSTR"]),
        missed_bytes: 0,
        history: random.pick(["ShAdDaFf", "ShADadR", "ShAdDaR"]),
        orig_pkts: origPkts,
        orig_ip_bytes: ipBytes(orig, origPkts, 52),
        resp_pkts: respPkts,
        resp_ip_bytes: ipBytes(resp, respPkts, 52),
      };
    },
  },
];
