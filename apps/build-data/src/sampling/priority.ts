/**
 * Sampling priorities: a fast seeded 53-bit hash of a flow's content. The reservoir keeps the flows
 * with the smallest priorities, so the sample depends on the content and the seed, never on read order.
 * Not cryptographic; {@link https://en.wikipedia.org/wiki/MurmurHash | murmur3's finaliser} mixes the lanes.
 */
function finalize(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The two hash lanes' starting states for a seed. */
export function seedLanes(seed: number): [number, number] {
  return [(seed ^ 0x811c9dc5) | 0, (Math.imul(seed, 0x9e3779b1) ^ 0x5bd1e995) | 0];
}

/** Finish the two lanes (each fed byte by byte: lane = imul(lane ^ byte, multiplier)) into a 53-bit priority. */
export function combinePriority(first: number, second: number): number {
  const high = finalize(first ^ Math.imul(second, 0x27d4eb2d));
  const low = finalize(second ^ high);
  return high * 2097152 + (low >>> 11);
}

/** Priority of the bytes `[start, end)` of a buffer (e.g. a Zeek line's content columns). */
export function priorityOfBytes(buffer: Uint8Array, start: number, end: number, seed: number): number {
  let [first, second] = seedLanes(seed);
  for (let index = start; index < end; index++) {
    const byte = buffer[index]!;
    first = Math.imul(first ^ byte, 0x01000193);
    second = Math.imul(second ^ byte, 0x5bd1e995);
  }
  return combinePriority(first, second);
}

/** Priority of a string (e.g. a flow hash) under a seed. */
export function priorityOfString(text: string, seed: number): number {
  let [first, second] = seedLanes(seed);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
  }
  return combinePriority(first, second);
}
