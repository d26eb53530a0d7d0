import { isPythonWhitespace } from "./python-whitespace.js";

const DECIMAL = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;
const UNICODE_DIGIT = /\p{Nd}/u;

/** Value 0..9 of a Unicode decimal digit: Unicode allocates them in contiguous runs starting at zero. */
function decimalDigitValue(codePoint: number): number {
  let offset = 0;
  while (UNICODE_DIGIT.test(String.fromCodePoint(codePoint - offset - 1))) offset++;
  return offset % 10;
}

/**
 * Python's `float(text)` for a string: surrounding Unicode whitespace is ignored, Unicode decimal
 * digits count as digits, `_` may separate digits, and `inf`/`nan` spellings are accepted.
 * Returns `undefined` where Python raises `ValueError`.
 */
export function parsePythonFloat(text: string): number | undefined {
  let ascii = "";
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x80) {
      // Python keeps ASCII characters as they are: only " \t\n\v\f\r" count as space here.
      ascii += char;
    } else if (isPythonWhitespace(codePoint)) {
      ascii += " ";
    } else if (UNICODE_DIGIT.test(char)) {
      ascii += String(decimalDigitValue(codePoint));
    } else {
      return undefined;
    }
  }
  const candidate = ascii.trim();
  if (DECIMAL.test(candidate)) return Number(candidate.replaceAll("_", ""));
  if (SPECIAL.test(candidate)) {
    const lower = candidate.toLowerCase();
    if (lower.endsWith("nan")) return Number.NaN;
    return lower.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return undefined;
}
