/**
 * The first `{...}` span whose braces balance, or `undefined` when the first `{` never closes.
 *
 * Mirrors the original's scanner exactly, including its quirks: only the first `{` is tried; a
 * backslash escapes the next character even outside strings; braces inside double-quoted strings
 * do not count. One linear pass, no regex.
 */
export function extractBalancedObject(text: string): string | undefined {
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (escaped) {
      escaped = false;
    } else if (code === 0x5c /* \ */) {
      escaped = true;
    } else if (code === 0x22 /* " */) {
      inString = !inString;
    } else if (!inString) {
      if (code === 0x7b /* { */) {
        depth++;
      } else if (code === 0x7d /* } */) {
        depth--;
        if (depth === 0) return text.slice(start, index + 1);
      }
    }
  }
  return undefined;
}
