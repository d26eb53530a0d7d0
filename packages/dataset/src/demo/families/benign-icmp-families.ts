import type { DemoFamily } from "../demo-family.js";

/** ICMP echo and destination-unreachable. */
export const ICMP: DemoFamily = {
  family: "NA",
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
};

/** IPv6 link-local ICMPv6: MLD reports, router and neighbour solicitations. */
export const IPV6_LINK_LOCAL: DemoFamily = {
  family: "NA",
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
};
