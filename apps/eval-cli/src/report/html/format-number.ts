/**
 * Fixed-point text of a number, e.g. `formatNumber(0.12345, 3)` → `0.123`; `n/a` for a value that is
 * undefined on the run (null, missing or not finite), never a made-up 0.
 */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}
