/** The labels a reply may carry. Matching is exact and case-sensitive, as in the original. */
export const LABELS = ["Benign", "Malicious", "Abstain"] as const;

/** One of {@link LABELS}. */
export type Label = (typeof LABELS)[number];

/** True when `value` is exactly one of the allowed labels. */
export function isLabel(value: unknown): value is Label {
  return value === "Benign" || value === "Malicious" || value === "Abstain";
}
