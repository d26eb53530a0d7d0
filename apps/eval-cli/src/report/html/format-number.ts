/** Fixed-point text of a number (`-` for non-finite), e.g. `formatNumber(0.12345, 3)` → `0.123`. */
export function formatNumber(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "-";
}
