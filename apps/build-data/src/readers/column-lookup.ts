/** A column name reduced for matching: no BOM, trimmed, lower-case, single spaces. */
export function normalizeColumnName(name: string): string {
  return name
    .replace(/^\ufeff/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** Positions of normalised column names; the FIRST of duplicated names wins (CIC's `Fwd Header Length`). */
export function columnIndex(names: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((name, position) => {
    const key = normalizeColumnName(name);
    if (!index.has(key)) index.set(key, position);
  });
  return index;
}

/** The position of the first of `aliases` present, or undefined. */
export function findColumn(
  index: ReadonlyMap<string, number>,
  aliases: readonly string[],
): number | undefined {
  for (const alias of aliases) {
    const position = index.get(alias);
    if (position !== undefined) return position;
  }
  return undefined;
}
