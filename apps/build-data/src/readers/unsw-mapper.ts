import type { Flow } from "@sv/dataset";
import { columnIndex, findColumn } from "./column-lookup.js";
import { BENIGN_FAMILY, cleanFamily, UNKNOWN_FAMILY } from "./label-text.js";
import { cellNumber, cellPort, cellText, InvalidValue } from "./record-values.js";
import type { MapperFactory, MappedRecord, SkippedRecord } from "./tabular-mapper.js";

const ALIASES: Record<string, string> = { backdoors: "Backdoor" };

/** UNSW's attack category, normalised (`" Fuzzers"` → `Fuzzers`, `Backdoors` → `Backdoor`); undefined = normal. */
function attackCategory(cell: string | undefined): string | undefined {
  if (cell === undefined) return undefined;
  const text = cell.trim();
  if (text === "" || text.toLowerCase() === "normal") return undefined;
  return ALIASES[text.toLowerCase()] ?? cleanFamily(text);
}

/**
 * UNSW-NB15 (training/testing set CSV, or the raw 49-column part files) → canonical flow. Argus byte
 * counts include headers, so `sbytes`/`dbytes` map to `orig_ip_bytes`/`resp_ip_bytes`. The `label`
 * column decides the answer; a record whose `attack_cat` disagrees with it is skipped.
 */
export const createUnswMapper: MapperFactory = (names) => {
  const index = columnIndex(names);
  const col = (...aliases: string[]) => findColumn(index, aliases);
  const at = {
    label: col("label"),
    category: col("attack_cat"),
    duration: col("dur"),
    proto: col("proto"),
    service: col("service"),
    sourcePackets: col("spkts"),
    destinationPackets: col("dpkts"),
    sourceBytes: col("sbytes"),
    destinationBytes: col("dbytes"),
    sourceIp: col("srcip"),
    sourcePort: col("sport"),
    destinationIp: col("dstip"),
    destinationPort: col("dsport"),
    start: col("stime"),
  };
  const missing = (["label", "duration", "proto", "sourceBytes"] as const).filter(
    (key) => at[key] === undefined,
  );
  if (missing.length > 0) return `missing UNSW-NB15 column(s): ${missing.join(", ")}`;
  const raw = at.sourceIp !== undefined;
  return {
    format: raw ? "unsw-nb15-raw" : "unsw-nb15-set",
    columns: names.length,
    map(get): MappedRecord | SkippedRecord {
      const labelText = cellText(get(at.label));
      if (labelText !== "0" && labelText !== "1") return { skip: "invalid label", detail: String(labelText) };
      const rawCategory = get(at.category);
      const category = attackCategory(
        rawCategory === undefined || rawCategory === null ? undefined : String(rawCategory),
      );
      const malicious = labelText === "1";
      if (!malicious && category !== undefined) {
        return { skip: "label disagrees with attack_cat", detail: `label=0 attack_cat=${category}` };
      }
      try {
        const flow: Flow = {
          "id.orig_h": cellText(get(at.sourceIp)),
          "id.orig_p": cellPort("sport", get(at.sourcePort)),
          "id.resp_h": cellText(get(at.destinationIp)),
          "id.resp_p": cellPort("dsport", get(at.destinationPort)),
          proto: cellText(get(at.proto))?.toLowerCase(),
          service: cellText(get(at.service)),
          duration: cellNumber("dur", get(at.duration)),
          orig_pkts: cellNumber("spkts", get(at.sourcePackets)),
          resp_pkts: cellNumber("dpkts", get(at.destinationPackets)),
          orig_ip_bytes: cellNumber("sbytes", get(at.sourceBytes)),
          resp_ip_bytes: cellNumber("dbytes", get(at.destinationBytes)),
        };
        const start = cellText(get(at.start));
        return {
          flow,
          label: malicious ? "Malicious" : "Benign",
          family: malicious ? (category ?? UNKNOWN_FAMILY) : BENIGN_FAMILY,
          ...(start ? { extra: { stime: start } } : {}),
        };
      } catch (error) {
        if (error instanceof InvalidValue) return { skip: "invalid value", detail: error.message };
        throw error;
      }
    },
  };
};
