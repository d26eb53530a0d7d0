import type { DemoFamily } from "./demo-family.js";
import { ICMP, IPV6_LINK_LOCAL } from "./families/benign-icmp-families.js";
import { HTTP, HTTPS, LAN_SERVICE } from "./families/benign-tcp-families.js";
import { DHCP, DNS, MDNS, NTP, SSDP } from "./families/benign-udp-families.js";

/** Benign IoT traffic: DNS, NTP, DHCP, HTTPS, HTTP, mDNS/SSDP, ICMP, IPv6 link-local and LAN services. */
export const BENIGN_FAMILIES: readonly DemoFamily[] = [
  DNS,
  NTP,
  DHCP,
  HTTPS,
  HTTP,
  MDNS,
  SSDP,
  ICMP,
  IPV6_LINK_LOCAL,
  LAN_SERVICE,
];
