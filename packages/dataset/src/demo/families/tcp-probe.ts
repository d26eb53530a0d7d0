import type { Flow } from "../../flow.js";
import type { DemoRandom } from "../demo-random.js";

/** A SYN that got nothing back (S0 `S`), or an RST (REJ `Sr`), or a few retransmitted SYNs. */
export function probe(random: DemoRandom, host: string, port: number, target = random.publicIp()): Flow {
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
