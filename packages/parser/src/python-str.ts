/**
 * Python's `str(value)` for the JSON-shaped values a completion can carry (the original turns message
 * contents into text with `str()`): strings as they are, everything else as Python's `repr`:
 * `None`, `True`, `[1, 'a']`, `{'label': 'Benign'}`. Numbers follow Python's float repr closely enough
 * for extraction (exponent from 1e16 up and below 1e-4, two-digit exponents).
 */
export function pythonStr(value: unknown): string {
  return typeof value === "string" ? value : pythonRepr(value, 0);
}

const MAX_DEPTH = 1000;

function pythonRepr(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) return "...";
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return numberRepr(value);
  if (typeof value === "string") return stringRepr(value);
  if (Array.isArray(value)) return `[${value.map((item) => pythonRepr(item, depth + 1)).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, item]) => `${stringRepr(key)}: ${pythonRepr(item, depth + 1)}`).join(", ")}}`;
  }
  return String(value);
}

function numberRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return Object.is(value, -0) ? "-0.0" : String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e16 || magnitude < 1e-4) {
    const [mantissa, exponent] = value.toExponential().split("e") as [string, string];
    const sign = exponent.startsWith("-") ? "-" : "+";
    const digits = exponent.replace(/^[+-]/, "").padStart(2, "0");
    return `${mantissa}e${sign}${digits}`;
  }
  return String(value);
}

/** Python's `str.isprintable()` is false for categories Other (C*) and Separator (Z*) except the space. */
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

function escapeCodePoint(codePoint: number): string {
  if (codePoint < 0x100) return `\\x${codePoint.toString(16).padStart(2, "0")}`;
  if (codePoint < 0x10000) return `\\u${codePoint.toString(16).padStart(4, "0")}`;
  return `\\U${codePoint.toString(16).padStart(8, "0")}`;
}

function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = "";
  for (const char of text) {
    if (char === "\\") body += "\\\\";
    else if (char === quote) body += `\\${quote}`;
    else if (char === "\n") body += "\\n";
    else if (char === "\r") body += "\\r";
    else if (char === "\t") body += "\\t";
    else if (char !== " " && NON_PRINTABLE.test(char)) body += escapeCodePoint(char.codePointAt(0)!);
    else body += char;
  }
  return `${quote}${body}${quote}`;
}
