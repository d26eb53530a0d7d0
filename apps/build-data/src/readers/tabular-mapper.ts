import type { Flow, RowAnswer } from "@sv/dataset";
import type { CellGetter } from "./record-values.js";

/** A record mapped onto the canonical flow, with its label. */
export interface MappedRecord {
  flow: Flow;
  label: RowAnswer;
  family: string;
  extra?: Record<string, string | number>;
}

/** A record that must not be used, with the reason counted in the manifest. */
export interface SkippedRecord {
  skip: string;
  detail?: string;
}

/** Maps one tabular record (CSV line or Parquet row) of a known column layout. */
export interface TabularMapper {
  /** Format name for the manifest (e.g. `cic-ids-2017-machine-learning-cve`). */
  format: string;
  /** Number of columns a record must have (CSV only; undefined: any). */
  columns?: number;
  map(get: CellGetter): MappedRecord | SkippedRecord;
}

/** Recognises a layout from its column names; a string says why the names do not fit. */
export type MapperFactory = (names: readonly string[]) => TabularMapper | string;
