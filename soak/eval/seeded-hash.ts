import { createHash } from "node:crypto";

/** A uniform number in [0, 1) from a seed and a key: the same inputs always give the same number. */
export function seededUniform(seed: number, key: string): number {
  return createHash("sha256").update(`${seed}\u0000${key}`).digest().readUInt32BE(0) / 2 ** 32;
}
