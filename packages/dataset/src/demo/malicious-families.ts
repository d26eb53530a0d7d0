import type { DemoFamily } from "./demo-family.js";
import { CNC_LOOKUP, IRC_CNC } from "./families/cnc-families.js";
import { EXPLOIT, FLOOD, LOADER_FETCH } from "./families/payload-families.js";
import { MIRAI_SCAN, OKIRU_SCAN } from "./families/scan-families.js";

/** Malicious IoT-23-like families: Mirai and Okiru scans, C&C, floods, loader downloads, exploits. */
export const MALICIOUS_FAMILIES: readonly DemoFamily[] = [
  MIRAI_SCAN,
  OKIRU_SCAN,
  IRC_CNC,
  CNC_LOOKUP,
  FLOOD,
  LOADER_FETCH,
  EXPLOIT,
];
