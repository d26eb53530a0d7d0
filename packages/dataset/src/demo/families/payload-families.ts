import { type DemoFamily, ipBytes } from "../demo-family.js";

/** DDoS: TCP floods seen mid-connection (OTH, history C) and UDP floods (S0, D). */
export const FLOOD: DemoFamily = {
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
};

/** Malware binaries fetched over HTTP after an infection. */
export const LOADER_FETCH: DemoFamily = {
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
};

/** Telnet brute force and HTTP exploit requests. */
export const EXPLOIT: DemoFamily = {
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
};
