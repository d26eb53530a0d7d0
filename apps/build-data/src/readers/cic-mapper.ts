import type { Flow } from "@sv/dataset";
import { columnIndex, findColumn } from "./column-lookup.js";
import { BENIGN_FAMILY, cleanFamily } from "./label-text.js";
import { cellNumber, cellPort, cellText, InvalidValue } from "./record-values.js";
import type { MapperFactory, MappedRecord, SkippedRecord } from "./tabular-mapper.js";

/** How CIC-IDS-2017 `… - Attempted` labels (the corrected re-release) are treated. */
export type AttemptedPolicy = "exclude" | "malicious" | "benign";

export const ATTEMPTED_POLICIES: readonly AttemptedPolicy[] = ["exclude", "malicious", "benign"];

const COLUMNS = {
  destinationPort: ["destination port", "dst port"],
  duration: ["flow duration"],
  forwardPackets: ["total fwd packets", "tot fwd pkts"],
  backwardPackets: ["total backward packets", "tot bwd pkts"],
  forwardBytes: ["total length of fwd packets", "totlen fwd pkts"],
  backwardBytes: ["total length of bwd packets", "totlen bwd pkts"],
  label: ["label"],
  sourceIp: ["source ip", "src ip"],
  sourcePort: ["source port", "src port"],
  destinationIp: ["destination ip", "dst ip"],
  protocol: ["protocol"],
  timestamp: ["timestamp"],
} as const;

const REQUIRED = ["destinationPort", "duration", "forwardPackets", "backwardPackets", "label"] as const;

const PROTOCOLS: Record<number, string> = { 1: "icmp", 6: "tcp", 17: "udp", 58: "icmp" };

const ATTEMPTED = /\s*-\s*attempted\s*$/i;

export interface CicMapperOptions {
  attempted: AttemptedPolicy;
}

/**
 * CIC-IDS-2017 CSV (MachineLearningCVE, TrafficLabelling or the Hub copy's columns) → canonical flow.
 * Flow Duration is in microseconds (→ seconds); bytes are the Total Length columns (payload totals),
 * never the `Flow Bytes/s` rate. See the README's mapping table.
 */
export function createCicMapper(options: CicMapperOptions): MapperFactory {
  return (names) => {
    const index = columnIndex(names);
    const at = Object.fromEntries(
      Object.entries(COLUMNS).map(([key, aliases]) => [key, findColumn(index, aliases)]),
    ) as Record<keyof typeof COLUMNS, number | undefined>;
    const missing = REQUIRED.filter((key) => at[key] === undefined);
    if (missing.length > 0)
      return `missing CIC-IDS-2017 column(s): ${missing.map((key) => COLUMNS[key][0]).join(", ")}`;
    const traffic = at.sourceIp !== undefined;
    return {
      format: traffic ? "cic-ids-2017-traffic-labelling" : "cic-ids-2017-machine-learning-cve",
      columns: names.length,
      map(get): MappedRecord | SkippedRecord {
        const rawLabel = cellText(get(at.label));
        if (rawLabel === undefined) return { skip: "missing label" };
        let label: "Benign" | "Malicious" = rawLabel.toUpperCase() === "BENIGN" ? "Benign" : "Malicious";
        let family = label === "Benign" ? BENIGN_FAMILY : cleanFamily(rawLabel);
        if (ATTEMPTED.test(rawLabel)) {
          if (options.attempted === "exclude") return { skip: "attempted attack (excluded by policy)" };
          label = options.attempted === "benign" ? "Benign" : "Malicious";
          family = cleanFamily(rawLabel);
        }
        try {
          const protocolNumber = cellNumber("Protocol", get(at.protocol));
          const durationMicros = cellNumber("Flow Duration", get(at.duration));
          const flow: Flow = {
            "id.orig_h": cellText(get(at.sourceIp)),
            "id.orig_p": cellPort("Source Port", get(at.sourcePort)),
            "id.resp_h": cellText(get(at.destinationIp)),
            "id.resp_p": cellPort("Destination Port", get(at.destinationPort)),
            proto:
              protocolNumber === undefined ? undefined : (PROTOCOLS[protocolNumber] ?? "unknown_transport"),
            duration: durationMicros === undefined ? undefined : durationMicros / 1e6,
            orig_bytes: cellNumber("Total Length of Fwd Packets", get(at.forwardBytes)),
            resp_bytes: cellNumber("Total Length of Bwd Packets", get(at.backwardBytes)),
            orig_pkts: cellNumber("Total Fwd Packets", get(at.forwardPackets)),
            resp_pkts: cellNumber("Total Backward Packets", get(at.backwardPackets)),
          };
          const timestamp = cellText(get(at.timestamp));
          return { flow, label, family, ...(timestamp ? { extra: { timestamp } } : {}) };
        } catch (error) {
          if (error instanceof InvalidValue) return { skip: "invalid value", detail: error.message };
          throw error;
        }
      },
    };
  };
}
