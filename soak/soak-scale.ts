/**
 * Soak suites run at full size by default; `SOAK_SCALE=0.01 pnpm test:soak` runs a short version
 * (CI). Every count in the suites is multiplied by this factor (at least 1).
 */
export const SOAK_SCALE = Number(process.env.SOAK_SCALE ?? "1");

export function scaled(count: number): number {
  return Math.max(1, Math.round(count * SOAK_SCALE));
}
