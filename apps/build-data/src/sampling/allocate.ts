/** One group that can give up to `available` items, weighted for its share. */
export interface AllocationGroup {
  available: number;
  weight: number;
}

export interface AllocateOptions {
  total: number;
  groups: readonly AllocationGroup[];
}

/**
 * Water-filling allocation: share `total` between groups in proportion to their weights (largest
 * remainder, ties to the earlier group), never beyond what a group has; what a scarce group cannot give
 * is shared among the others. Returns the count per group (summing to at most `total`).
 */
export function allocate(options: AllocateOptions): number[] {
  const { groups } = options;
  const counts = groups.map(() => 0);
  let remaining = options.total;
  let active = groups
    .map((_, index) => index)
    .filter((index) => groups[index]!.available > 0 && groups[index]!.weight > 0);
  while (remaining > 0 && active.length > 0) {
    const weight = active.reduce((sum, index) => sum + groups[index]!.weight, 0);
    const exact = active.map((index) => (remaining * groups[index]!.weight) / weight);
    const shares = exact.map(Math.floor);
    let leftover = remaining - shares.reduce((sum, share) => sum + share, 0);
    const order = exact
      .map((value, position) => ({ position, fraction: value - Math.floor(value) }))
      .sort((left, right) => right.fraction - left.fraction || left.position - right.position);
    for (const { position } of order) {
      if (leftover <= 0) break;
      shares[position]!++;
      leftover--;
    }
    let given = 0;
    active.forEach((index, position) => {
      const room = groups[index]!.available - counts[index]!;
      const share = Math.min(shares[position]!, room);
      counts[index]! += share;
      given += share;
    });
    remaining -= given;
    active = active.filter((index) => counts[index]! < groups[index]!.available);
    if (given === 0) break;
  }
  return counts;
}
