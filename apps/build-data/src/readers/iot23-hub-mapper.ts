import { type Flow, type FlowField, NUMERIC_FLOW_FIELDS } from "@sv/dataset";
import { columnIndex } from "./column-lookup.js";
import { BENIGN_FAMILY, cleanFamily, UNKNOWN_FAMILY } from "./label-text.js";
import { type Cell, cellNumber, cellPort, cellText, InvalidValue } from "./record-values.js";
import type { MapperFactory, MappedRecord, SkippedRecord } from "./tabular-mapper.js";

const TEXT_FIELDS: FlowField[] = ["id.orig_h", "id.resp_h", "proto", "service", "conn_state", "history"];
const PORT_FIELDS: FlowField[] = ["id.orig_p", "id.resp_p"];
const NUMBER_FIELDS: readonly FlowField[] = NUMERIC_FLOW_FIELDS;

function wholeNumber(field: FlowField, cell: Cell): number | undefined {
  const value = cellNumber(field, cell);
  if (value !== undefined && field !== "duration" && !Number.isInteger(value))
    throw new InvalidValue(field, cell);
  return value;
}

/**
 * The Hub's preprocessed IoT-23 (`19kmunz/iot-23-preprocessed`: Zeek names, no IP columns, label
 * Benign/Malicious) as CSV or Parquet → canonical flow. Columns are matched by Zeek name.
 */
export const createIot23HubMapper: MapperFactory = (names) => {
  const index = columnIndex(names);
  const label = index.get("label");
  if (label === undefined || !index.has("id.resp_p") || !index.has("proto")) {
    return "missing IoT-23 column(s): needs label, id.resp_p and proto";
  }
  const detailed = index.get("detailed-label") ?? index.get("detailed_label");
  return {
    format: "iot23-preprocessed",
    columns: names.length,
    map(get): MappedRecord | SkippedRecord {
      const text = cellText(get(label))?.toLowerCase();
      if (text !== "benign" && text !== "malicious") return { skip: "unknown label", detail: String(text) };
      try {
        const flow: Flow = {};
        for (const field of TEXT_FIELDS) flow[field] = cellText(get(index.get(field)));
        for (const field of PORT_FIELDS) flow[field] = cellPort(field, get(index.get(field)));
        for (const field of NUMBER_FIELDS) flow[field] = wholeNumber(field, get(index.get(field)));
        const detailedText = cellText(get(detailed));
        const malicious = text === "malicious";
        return {
          flow,
          label: malicious ? "Malicious" : "Benign",
          family: malicious ? (detailedText ? cleanFamily(detailedText) : UNKNOWN_FAMILY) : BENIGN_FAMILY,
        };
      } catch (error) {
        if (error instanceof InvalidValue) return { skip: "invalid value", detail: error.message };
        throw error;
      }
    },
  };
};
