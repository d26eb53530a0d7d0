/** The three datasets build-data knows. */
export const SOURCE_NAMES = ["iot23", "cic", "unsw"] as const;

export type SourceName = (typeof SOURCE_NAMES)[number];

/** `meta.source` of each dataset (the original's names). */
export const META_SOURCE: Record<SourceName, string> = {
  iot23: "iot23",
  cic: "cic-ids-2017",
  unsw: "unsw-nb15",
};
