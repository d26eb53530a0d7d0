/**
 * A JSON value as Python's `json.loads` returns it, kept exact enough to print it back as
 * `json.dumps` would: integers keep their digits (Python's `int` has no size limit), floats are
 * doubles (Python's `float`), objects keep their keys (the last of duplicate keys wins, as in a `dict`).
 */
export type PythonJsonValue =
  | null
  | boolean
  | string
  | PythonJsonInt
  | PythonJsonFloat
  | PythonJsonValue[]
  | PythonJsonObject;

/** A JSON number without fraction or exponent: Python reads it as an `int`. */
export interface PythonJsonInt {
  readonly kind: "int";
  /** Decimal digits, with a leading `-` when negative; `-0` reads as `0`. */
  readonly digits: string;
}

/** A JSON number with a fraction or an exponent: Python reads it as a `float`. */
export interface PythonJsonFloat {
  readonly kind: "float";
  readonly value: number;
}

/** A JSON object: Python's `dict`. */
export interface PythonJsonObject {
  readonly kind: "object";
  readonly entries: ReadonlyMap<string, PythonJsonValue>;
}

/** True for a {@link PythonJsonObject}. */
export function isPythonJsonObject(value: PythonJsonValue): value is PythonJsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value) && value.kind === "object";
}
