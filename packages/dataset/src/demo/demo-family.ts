import type { Flow } from "../flow.js";
import type { RowAnswer } from "../row-schema.js";
import type { DemoRandom } from "./demo-random.js";

/** One kind of traffic in the demo set: how often it appears and how to draw one flow of it. */
export interface DemoFamily {
  /** IoT-23 detailed label (`PartOfAHorizontalPortScan`, `C&C`, …) or `none` for benign traffic. */
  family: string;
  /** Short name of the behaviour or attack step (documentation; rows do not carry it, so it cannot leak). */
  behaviour: string;
  answer: RowAnswer;
  /** Relative frequency within its label. */
  weight: number;
  draw(random: DemoRandom, host: string): Flow;
}

/** The devices of the demo captures; infected and clean traffic come from the same hosts, as in IoT-23. */
export const DEMO_HOSTS = [
  "192.168.1.195",
  "192.168.1.196",
  "192.168.1.132",
  "192.168.100.103",
  "192.168.100.111",
  "192.168.2.3",
  "192.168.2.5",
] as const;

/** Fill the TCP/IP byte counts Zeek reports from payload bytes and packet counts (20 B IP + 20 B TCP). */
export function ipBytes(payload: number, packets: number, headerBytes = 40): number {
  return payload + packets * headerBytes;
}
