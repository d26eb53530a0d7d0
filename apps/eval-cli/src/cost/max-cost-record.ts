/** metadata.json `cost`'s `--max-cost` fields. */
export interface MaxCostRecord {
  max_usd: number | null;
  /** Judge and hybrid runs: the limit is on the run's whole spend, `cost.usd` + `judge_cost.usd`. */
  max_usd_covers?: "model + judge";
}

/**
 * metadata.json `cost`'s record of `--max-cost`; in a judged run it says that the limit covers the
 * judge's spend too (so `cost.usd` alone, the model's, may be well under it).
 */
export function maxCostRecord(maxCostUsd: number | undefined, judged: boolean): MaxCostRecord {
  return { max_usd: maxCostUsd ?? null, ...(judged ? { max_usd_covers: "model + judge" as const } : {}) };
}
