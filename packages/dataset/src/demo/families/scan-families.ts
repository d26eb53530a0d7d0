import type { DemoFamily } from "../demo-family.js";
import { probe } from "./tcp-probe.js";

/** Mirai horizontal scans: SYNs to telnet and a few other ports of random hosts. */
export const MIRAI_SCAN: DemoFamily = {
  family: "PartOfAHorizontalPortScan",
  behaviour: "mirai-scan",
  answer: "Malicious",
  weight: 30,
  draw: (random, host) =>
    probe(random, host, random.pick([23, 23, 23, 2323, 2323, 80, 8080, 22, 5555, 7547, 81])),
};

/** Okiru scans for the Huawei HG532 (37215) and Realtek (52869) exploits. */
export const OKIRU_SCAN: DemoFamily = {
  family: "Okiru",
  behaviour: "okiru-scan",
  answer: "Malicious",
  weight: 17,
  draw: (random, host) => probe(random, host, random.pick([37215, 37215, 37215, 52869, 23, 8080])),
};
