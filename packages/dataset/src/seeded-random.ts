/** A deterministic pseudo-random source: `next()` in [0, 1). Same seed, same sequence, on every platform. */
export interface SeededRandom {
  next(): number;
  /** Integer in [0, bound). */
  nextInt(bound: number): number;
}

/** SplitMix32-style generator seeded from any 32-bit integer (mulberry32). */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return { next, nextInt: (bound) => Math.floor(next() * bound) };
}

/** Fisher–Yates shuffle in place with a seeded source; returns the same array. */
export function shuffleInPlace<T>(items: T[], random: SeededRandom): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = random.nextInt(index + 1);
    const item = items[index]!;
    items[index] = items[other]!;
    items[other] = item;
  }
  return items;
}
