import type { SeededRandom } from "../seeded-random.js";

/** Small helpers over a {@link SeededRandom} for the demo generator. */
export interface DemoRandom {
  /** Integer in [low, high]. */
  int(low: number, high: number): number;
  /** Float in [low, high), rounded to microseconds. */
  seconds(low: number, high: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** An ephemeral source port (Linux range). */
  ephemeralPort(): number;
  /** A routable public IPv4 address (no private, loopback, multicast or reserved ranges). */
  publicIp(): string;
}

const RESERVED_FIRST_OCTETS = new Set([0, 10, 100, 127, 169, 172, 192, 198, 203]);

/** Wrap a seeded source with the helpers the demo families use. */
export function createDemoRandom(random: SeededRandom): DemoRandom {
  const int = (low: number, high: number): number => low + random.nextInt(high - low + 1);
  return {
    int,
    seconds: (low, high) => Math.round((low + random.next() * (high - low)) * 1e6) / 1e6,
    pick: (items) => items[random.nextInt(items.length)]!,
    chance: (probability) => random.next() < probability,
    ephemeralPort: () => int(32768, 60999),
    publicIp: () => {
      let first = int(1, 223);
      while (RESERVED_FIRST_OCTETS.has(first)) first = int(1, 223);
      return `${first}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
    },
  };
}
