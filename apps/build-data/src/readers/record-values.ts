/** A raw cell: CSV text, or a Parquet value. */
export type Cell = string | number | bigint | boolean | null | undefined;

/** Reads one cell of the current record by column position. */
export type CellGetter = (position: number | undefined) => Cell;

/** Thrown by mappers for a value that cannot be trusted; the record is skipped, never relabelled. */
export class InvalidValue extends Error {
  readonly field: string;
  constructor(field: string, value: Cell) {
    super(`${field}=${JSON.stringify(typeof value === "bigint" ? String(value) : value)?.slice(0, 40)}`);
    this.field = field;
  }
}

/** Text of a cell, trimmed; undefined for empty, `-`, NaN or missing. */
export function cellText(cell: Cell): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === "number" && !Number.isFinite(cell)) return undefined;
  const text = String(cell).trim();
  return text === "" || text === "-" ? undefined : text;
}

/** A non-negative finite number, undefined when absent; throws {@link InvalidValue} otherwise. */
export function cellNumber(field: string, cell: Cell): number | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === "number" && Number.isNaN(cell)) return undefined;
  const text = typeof cell === "string" ? cell.trim() : cell;
  if (text === "" || text === "-") return undefined;
  const value = typeof text === "bigint" ? Number(text) : Number(text);
  if (!Number.isFinite(value) || value < 0) throw new InvalidValue(field, cell);
  return value;
}

/** A port 0–65535 (decimal, or hex such as UNSW's `0x000b`), undefined when absent. */
export function cellPort(field: string, cell: Cell): number | undefined {
  const text = cellText(cell);
  if (text === undefined) return undefined;
  const value = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text.slice(2), 16) : Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new InvalidValue(field, cell);
  return value;
}
