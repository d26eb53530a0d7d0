/** Colour-blind-safe series colours (Okabe–Ito). */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#F0E442",
  "#000000",
] as const;

/** Colour of the i-th series. */
export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
