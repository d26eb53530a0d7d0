import type { Flow } from "../flow.js";
import { type DemoFamily, ipBytes } from "./demo-family.js";
import type { DemoRandom } from "./demo-random.js";

const CLOUD = ["52.94.233.129", "34.107.221.82", "151.101.1.69", "13.33.88.21", "35.186.224.25"] as const;

function udp(
  random: DemoRandom,
  flow: Flow,
  answered: boolean,
  sizes: [number, number, number, number],
): Flow {
  const [origPkts, respPkts] = [random.int(1, 2), answered ? random.int(1, 2) : 0];
  const orig = random.int(sizes[0], sizes[1]) * origPkts;
  const resp = answered ? random.int(sizes[2], sizes[3]) * respPkts : 0;
  return {
    proto: "udp",
    duration: answered || origPkts > 1 ? random.seconds(0.002, 1.5) : undefined,
    orig_bytes: orig,
    resp_bytes: resp,
    conn_state: answered ? "SF" : "S0",
    missed_bytes: 0,
    history: answered ? "Dd" : "D",
    orig_pkts: origPkts,
    orig_ip_bytes: orig + 28 * origPkts,
    resp_pkts: respPkts,
    resp_ip_bytes: resp + 28 * respPkts,
    ...flow,
  };
}

function tcpSession(random: DemoRandom, flow: Flow, orig: number, resp: number): Flow {
  const [origPkts, respPkts] = [random.int(5, 30), Math.ceil(resp / 1448) + random.int(2, 6)];
  return {
    proto: "tcp",
    duration: random.seconds(0.05, 120),
    orig_bytes: orig,
    resp_bytes: resp,
    conn_state: random.pick(["SF", "SF", "SF", "RSTO", "S1"]),
    missed_bytes: 0,
    history: random.pick(["ShADadFf", "ShADadfF", "ShADadR"]),
    orig_pkts: origPkts,
    orig_ip_bytes: ipBytes(orig, origPkts, 52),
    resp_pkts: respPkts,
    resp_ip_bytes: ipBytes(resp, respPkts, 52),
    ...flow,
  };
}

/** Benign IoT traffic: DNS, NTP, DHCP, HTTPS, HTTP, mDNS/SSDP, ICMP and IPv6 link-local chatter. */
export const BENIGN_FAMILIES: readonly DemoFamily[] = [
  {
    family: "none",
    behaviour: "dns",
    answer: "Benign",
    weight: 22,
    draw: (random, host) => {
      const answered = random.chance(0.85);
      return udp(
        random,
        {
          "id.orig_h": host,
          "id.orig_p": random.ephemeralPort(),
          "id.resp_h": random.pick(["192.168.1.1", "8.8.8.8", "1.1.1.1"]),
          "id.resp_p": 53,
          service: "dns",
        },
        answered,
        [28, 60, 44, 260],
      );
    },
  },
  {
    family: "none",
    behaviour: "ntp",
    answer: "Benign",
    weight: 10,
    draw: (random, host) =>
      udp(
        random,
        {
          "id.orig_h": host,
          "id.orig_p": random.pick([123, random.ephemeralPort()]),
          "id.resp_h": random.publicIp(),
          "id.resp_p": 123,
        },
        random.chance(0.9),
        [48, 48, 48, 48],
      ),
  },
  {
    family: "none",
    behaviour: "dhcp",
    answer: "Benign",
    weight: 7,
    draw: (random, host) => {
      const broadcast = random.chance(0.5);
      return udp(
        random,
        {
          "id.orig_h": broadcast ? "0.0.0.0" : host,
          "id.orig_p": 68,
          "id.resp_h": broadcast ? "255.255.255.255" : "192.168.1.1",
          "id.resp_p": 67,
          service: "dhcp",
        },
        !broadcast,
        [300, 348, 300, 348],
      );
    },
  },
  {
    family: "none",
    behaviour: "https",
    answer: "Benign",
    weight: 30,
    draw: (random, host) => {
      const flow: Flow = {
        "id.orig_h": host,
        "id.orig_p": random.ephemeralPort(),
        "id.resp_h": random.chance(0.6) ? random.publicIp() : random.pick(CLOUD),
        "id.resp_p": 443,
      };
      if (random.chance(0.15)) {
        const packets = random.int(1, 3);
        return {
          ...flow,
          proto: "tcp",
          duration: packets > 1 ? random.seconds(1, 7) : undefined,
          conn_state: "S0",
          missed_bytes: 0,
          history: "S",
          orig_pkts: packets,
          orig_ip_bytes: packets * 60,
          resp_pkts: 0,
          resp_ip_bytes: 0,
        };
      }
      return tcpSession(
        random,
        { ...flow, service: random.chance(0.9) ? "ssl" : undefined },
        random.int(400, 9000),
        random.int(300, 70_000),
      );
    },
  },
  {
    family: "none",
    behaviour: "http",
    answer: "Benign",
    weight: 18,
    draw: (random, host) =>
      tcpSession(
        random,
        {
          "id.orig_h": host,
          "id.orig_p": random.ephemeralPort(),
          "id.resp_h": random.chance(0.6) ? random.publicIp() : random.pick(CLOUD),
          "id.resp_p": random.pick([80, 80, 8080]),
          service: "http",
        },
        random.int(120, 900),
        random.int(200, random.chance(0.2) ? 500_000 : 30_000),
      ),
  },
  {
    family: "none",
    behaviour: "mdns",
    answer: "Benign",
    weight: 11,
    draw: (random, host) =>
      udp(
        random,
        {
          "id.orig_h": host,
          "id.orig_p": 5353,
          "id.resp_h": "224.0.0.251",
          "id.resp_p": 5353,
          service: "dns",
        },
        false,
        [40, 420, 0, 0],
      ),
  },
  {
    family: "none",
    behaviour: "ssdp",
    answer: "Benign",
    weight: 9,
    draw: (random, host) =>
      udp(
        random,
        {
          "id.orig_h": host,
          "id.orig_p": random.ephemeralPort(),
          "id.resp_h": "239.255.255.250",
          "id.resp_p": 1900,
        },
        false,
        [94, 320, 0, 0],
      ),
  },
  {
    family: "none",
    behaviour: "icmp",
    answer: "Benign",
    weight: 9,
    draw: (random, host) => {
      const [ping, packets] = [random.chance(0.7), random.int(1, 6)];
      return {
        "id.orig_h": host,
        "id.orig_p": ping ? 8 : 3,
        "id.resp_h": random.pick(["192.168.1.1", "8.8.8.8", random.publicIp()]),
        "id.resp_p": ping ? 0 : 3,
        proto: "icmp",
        duration: packets > 1 ? random.seconds(1, 6) : undefined,
        orig_bytes: 56 * packets,
        resp_bytes: ping ? 56 * packets : 0,
        conn_state: "OTH",
        missed_bytes: 0,
        orig_pkts: packets,
        orig_ip_bytes: 84 * packets,
        resp_pkts: ping ? packets : 0,
        resp_ip_bytes: ping ? 84 * packets : 0,
      };
    },
  },
  {
    family: "none",
    behaviour: "ipv6-link-local",
    answer: "Benign",
    weight: 7,
    draw: (random) => {
      const [type, target] = random.pick([
        [143, "ff02::16"],
        [133, "ff02::2"],
        [135, "ff02::1:ff00:1"],
      ] as const);
      const packets = random.int(1, 4);
      return {
        "id.orig_h": `fe80::${random.int(0x1000, 0xffff).toString(16)}:${random.int(0x1000, 0xffff).toString(16)}`,
        "id.orig_p": type,
        "id.resp_h": target,
        "id.resp_p": 0,
        proto: "icmp",
        duration: packets > 1 ? random.seconds(0.5, 3) : undefined,
        orig_bytes: 20 * packets,
        resp_bytes: 0,
        conn_state: "OTH",
        missed_bytes: 0,
        orig_pkts: packets,
        orig_ip_bytes: 68 * packets,
        resp_pkts: 0,
        resp_ip_bytes: 0,
      };
    },
  },
  {
    family: "none",
    behaviour: "lan-service",
    answer: "Benign",
    weight: 9,
    draw: (random, host) => {
      const flow: Flow = {
        "id.orig_h": host,
        "id.orig_p": random.ephemeralPort(),
        "id.resp_h": random.pick(["192.168.1.1", "192.168.1.130", "192.168.2.1"]),
        "id.resp_p": random.pick([80, 49152, 1400, 8008, 8080]),
      };
      if (random.chance(0.3))
        return {
          ...flow,
          proto: "tcp",
          duration: random.seconds(0.0001, 0.01),
          orig_bytes: 0,
          resp_bytes: 0,
          conn_state: "REJ",
          missed_bytes: 0,
          history: "Sr",
          orig_pkts: 1,
          orig_ip_bytes: 60,
          resp_pkts: 1,
          resp_ip_bytes: 40,
        };
      return tcpSession(random, flow, random.int(100, 700), random.int(150, 6000));
    },
  },
];
