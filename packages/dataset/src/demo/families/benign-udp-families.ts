import type { Flow } from "../../flow.js";
import type { DemoFamily } from "../demo-family.js";
import type { DemoRandom } from "../demo-random.js";

/** A UDP exchange: one or two datagrams each way (SF `Dd`), or none back (S0 `D`). */
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

/** DNS to the gateway or public resolvers, sometimes unanswered. */
export const DNS: DemoFamily = {
  family: "NA",
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
};

/** NTP time sync. */
export const NTP: DemoFamily = {
  family: "NA",
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
};

/** DHCP requests, broadcast (unanswered in the log) or unicast renewals. */
export const DHCP: DemoFamily = {
  family: "NA",
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
};

/** mDNS announcements to 224.0.0.251 (S0: multicast gets no reply). */
export const MDNS: DemoFamily = {
  family: "NA",
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
};

/** SSDP discovery to 239.255.255.250 (S0). */
export const SSDP: DemoFamily = {
  family: "NA",
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
};
