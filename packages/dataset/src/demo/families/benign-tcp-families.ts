import type { Flow } from "../../flow.js";
import { type DemoFamily, ipBytes } from "../demo-family.js";
import type { DemoRandom } from "../demo-random.js";

const CLOUD = ["52.94.233.129", "34.107.221.82", "151.101.1.69", "13.33.88.21", "35.186.224.25"] as const;

/** An established TCP session with payload both ways. */
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

/** TLS sessions to cloud services, and failed connection attempts (S0). */
export const HTTPS: DemoFamily = {
  family: "NA",
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
};

/** Plain HTTP to clouds and update servers, some large downloads. */
export const HTTP: DemoFamily = {
  family: "NA",
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
};

/** TCP to LAN services (router UI, UPnP, media), some refused (REJ). */
export const LAN_SERVICE: DemoFamily = {
  family: "NA",
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
};
