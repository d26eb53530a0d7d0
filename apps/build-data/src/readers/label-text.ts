/** `meta.attack_family` of benign flows (the original's "not applicable"). */
export const BENIGN_FAMILY = "NA";

/** `meta.attack_family` of malicious flows whose source names no family. */
export const UNKNOWN_FAMILY = "unknown";

/**
 * An attack name made safe for `meta.attack_family`: trimmed, runs of whitespace collapsed, and bytes
 * that are not printable ASCII (CIC-IDS-2017 writes `Web Attack \x96 Brute Force` in Windows-1252) as `-`.
 */
export function cleanFamily(text: string): string {
  const cleaned = text
    .replace(/[^\x20-\x7e]+/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned === "" || cleaned === "-" ? UNKNOWN_FAMILY : cleaned;
}
