import { flowHash } from "../flow-hash.js";
import { renderQuestion } from "../render-question.js";
import type { Row } from "../row-schema.js";
import { createSeededRandom, type SeededRandom, shuffleInPlace } from "../seeded-random.js";
import { BENIGN_FAMILIES } from "./benign-families.js";
import { DEMO_HOSTS, type DemoFamily } from "./demo-family.js";
import { createDemoRandom, type DemoRandom } from "./demo-random.js";
import { MALICIOUS_FAMILIES } from "./malicious-families.js";

/** The seed of the committed demo file. */
export const DEMO_SEED = 23;

/** Options of {@link generateDemoRows}. */
export interface GenerateDemoRowsOptions {
  /** Default {@link DEMO_SEED}. */
  seed?: number;
  /** Rows per label (default 150, so 300 in all). */
  perLabel?: number;
}

/** How many rows each family gets: proportional to its weight, largest remainders first. */
function allocate(families: readonly DemoFamily[], total: number): number[] {
  const weight = families.reduce((sum, family) => sum + family.weight, 0);
  const exact = families.map((family) => (family.weight / weight) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
  order.sort((left, right) => right.rest - left.rest || left.index - right.index);
  for (
    let missing = total - counts.reduce((sum, count) => sum + count, 0), at = 0;
    missing > 0;
    missing--, at++
  ) {
    counts[order[at % order.length]!.index]!++;
  }
  return counts;
}

function drawRows(
  random: DemoRandom,
  families: readonly DemoFamily[],
  total: number,
  seen: Set<string>,
): Row[] {
  const rows: Row[] = [];
  allocate(families, total).forEach((count, index) => {
    const family = families[index]!;
    for (let made = 0; made < count; ) {
      const hostIndex = random.int(0, DEMO_HOSTS.length - 1);
      const flow = family.draw(random, DEMO_HOSTS[hostIndex]!);
      const hash = flowHash(flow);
      if (seen.has(hash)) continue;
      seen.add(hash);
      made++;
      const meta = {
        source: "demo",
        scenario: `demo-capture-${hostIndex + 1}`,
        attack_family: family.family,
        hash,
      };
      rows.push({ question: renderQuestion(flow), answer: family.answer, meta });
    }
  });
  return rows;
}

function assignSplits(rows: Row[], random: SeededRandom): void {
  const trainEnd = Math.round(rows.length * 0.7);
  const devEnd = trainEnd + Math.round(rows.length * 0.15);
  shuffleInPlace(rows, random);
  rows.forEach((row, index) => {
    row.meta = {
      ...row.meta,
      split: index < trainEnd ? "train" : index < devEnd ? "dev" : "test",
      demo: true,
    };
  });
}

/**
 * The bundled demo set: IoT-23-like Zeek `conn` flows (Mirai and Okiru scans, IRC C&C, floods, loader
 * downloads, exploits; DNS, NTP, DHCP, HTTPS, HTTP, mDNS, SSDP, ICMP, IPv6 link-local), balanced, with
 * stratified 70/15/15 splits and `meta.demo = true`. Synthetic: for demos and smoke runs, not for results.
 * Same options, same rows.
 */
export function generateDemoRows(options: GenerateDemoRowsOptions = {}): Row[] {
  const seed = options.seed ?? DEMO_SEED;
  const source = createSeededRandom(seed);
  const random = createDemoRandom(source);
  const perLabel = options.perLabel ?? 150;
  const seen = new Set<string>();
  const malicious = drawRows(random, MALICIOUS_FAMILIES, perLabel, seen);
  const benign = drawRows(random, BENIGN_FAMILIES, perLabel, seen);
  assignSplits(malicious, source);
  assignSplits(benign, source);
  const rows = [...malicious, ...benign];
  shuffleInPlace(rows, createSeededRandom(seed + 1));
  return rows;
}

/** Rows as JSONL text (one JSON object a line, trailing newline), as the demo file stores them. */
export function rowsToJsonl(rows: readonly Row[]): string {
  return rows.map((row) => JSON.stringify(row)).join("\n") + (rows.length ? "\n" : "");
}
