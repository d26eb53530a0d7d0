import { pythonFloatRepr } from "./python-float-repr.js";
import type { PythonJsonValue } from "./python-json-value.js";

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** A string as `json.dumps` (ensure_ascii) writes it: anything outside `' '..'~'` as `\uXXXX` per UTF-16 unit. */
function pythonJsonString(text: string): string {
  let out = '"';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const code = text.charCodeAt(index);
    const escaped = ESCAPES[char];
    if (escaped !== undefined) out += escaped;
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
}

/** Python's `str` ordering: by code point (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let index = 0;
  while (index < length) {
    const left = a.codePointAt(index)!;
    const right = b.codePointAt(index)!;
    if (left !== right) return left - right;
    index += left > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/**
 * `json.dumps(value, sort_keys=True)` with Python's defaults: `", "` and `": "` separators, ASCII only
 * (`ensure_ascii`), keys sorted by code point at every level, floats as `repr` (`0.1`, `1.0`, `1e-07`),
 * integers with all their digits.
 */
export function writePythonJson(value: PythonJsonValue): string {
  if (value === null) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "string") return pythonJsonString(value);
  if (Array.isArray(value)) return `[${value.map(writePythonJson).join(", ")}]`;
  if (value.kind === "int") return value.digits;
  if (value.kind === "float") return pythonFloatRepr(value.value);
  const keys = [...value.entries.keys()].sort(compareCodePoints);
  return `{${keys.map((key) => `${pythonJsonString(key)}: ${writePythonJson(value.entries.get(key)!)}`).join(", ")}}`;
}
