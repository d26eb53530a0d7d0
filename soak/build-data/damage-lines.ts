/** Seeded damage to a Zeek conn.log: every kind keeps line numbers (no `\n` is added or removed). */
export type DamageKind = "cut" | "fields" | "flip" | "utf8";

export const DAMAGE_KINDS: readonly DamageKind[] = ["cut", "fields", "flip", "utf8"];

export interface DamagedLog {
  bytes: Buffer;
  /** 1-based line number → the damage done to it. */
  damaged: Map<number, DamageKind>;
}

/** mulberry32: a small seeded generator, so every damaged file can be made again from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function damageLine(line: Buffer, kind: DamageKind, random: () => number): Buffer {
  const at = (limit: number) => Math.floor(random() * limit);
  const tabs = [...line.entries()].filter(([, byte]) => byte === 0x09).map(([index]) => index);
  switch (kind) {
    case "cut": // cut mid-field: keep a prefix that ends inside some field
      return line.subarray(0, 1 + at(Math.max(1, line.length - 2)));
    case "fields": {
      // drop one tab-separated field, or repeat one
      const start = tabs[at(tabs.length)] ?? 0;
      const end = tabs.find((tab) => tab > start) ?? line.length;
      const field = line.subarray(start, end);
      return random() < 0.5
        ? Buffer.concat([line.subarray(0, start), line.subarray(end)])
        : Buffer.concat([line.subarray(0, end), field, line.subarray(end)]);
    }
    case "flip": {
      const copy = Buffer.from(line);
      const index = at(copy.length);
      let flipped = copy[index]! ^ (1 + at(255));
      if (flipped === 0x0a || flipped === 0x0d) flipped = 0x7e;
      copy[index] = flipped;
      return copy;
    }
    case "utf8": {
      const index = (tabs[at(tabs.length)] ?? 0) + 1;
      const junk = [
        Buffer.from([0xff, 0xfe]),
        Buffer.from([0xc3]),
        Buffer.from([0x80, 0x80]),
        Buffer.from([0xed, 0xa0, 0x80]),
      ][at(4)]!;
      return Buffer.concat([line.subarray(0, index), junk, line.subarray(index)]);
    }
  }
}

/** Damage about `rate` of the data lines per kind (headers are left alone). */
export function damageLog(original: Buffer, seed: number, rate: number): DamagedLog {
  const random = seededRandom(seed);
  const damaged = new Map<number, DamageKind>();
  const lines: Buffer[] = [];
  let start = 0;
  let number = 0;
  while (start <= original.length) {
    let end = original.indexOf(0x0a, start);
    if (end < 0) end = original.length;
    number++;
    let line = original.subarray(start, end);
    if (line.length > 2 && line[0] !== 0x23 && random() < rate * DAMAGE_KINDS.length) {
      const kind = DAMAGE_KINDS[Math.floor(random() * DAMAGE_KINDS.length)]!;
      line = damageLine(line, kind, random);
      damaged.set(number, kind);
    }
    lines.push(line);
    start = end + 1;
  }
  return { bytes: Buffer.from(lines.map((line) => line.toString("latin1")).join("\n"), "latin1"), damaged };
}

/** The label word of each line of an undamaged IoT-23 log (`Benign`/`Malicious`, or undefined). */
export function labelsByLine(original: Buffer): (string | undefined)[] {
  return original
    .toString("latin1")
    .split("\n")
    .map((line) => {
      if (line.startsWith("#")) return undefined;
      const tail = line.split("\t").slice(20).join(" ").trim().split(/\s+/);
      const word = tail[1]?.toLowerCase();
      return word === "benign" ? "Benign" : word === "malicious" ? "Malicious" : undefined;
    });
}
