import { pythonStrip } from "./python-whitespace.js";

const FENCE = "```";

function isLetter(code: number, lower: number): boolean {
  return code === lower || code === lower - 32;
}

/** `json` under Python's re.IGNORECASE, where `s` also matches U+017F (long s). */
function startsWithJsonTag(text: string, at: number): boolean {
  return (
    isLetter(text.charCodeAt(at), 0x6a) &&
    (isLetter(text.charCodeAt(at + 1), 0x73) || text.charCodeAt(at + 1) === 0x17f) &&
    isLetter(text.charCodeAt(at + 2), 0x6f) &&
    isLetter(text.charCodeAt(at + 3), 0x6e)
  );
}

/**
 * The content of the first fenced code block, or `undefined` when there is none.
 *
 * Equivalent to the original's `re.search(r"```(?:json)?\s*\n?(.*?)\n?```", text, DOTALL | IGNORECASE)`
 * followed by `.strip()`, without a backtracking regex: the block opens at the first fence, ends at
 * the next fence, and an optional `json` tag right after the opening fence is dropped.
 */
export function extractFencedBlock(text: string): string | undefined {
  const open = text.indexOf(FENCE);
  if (open < 0) return undefined;
  const close = text.indexOf(FENCE, open + FENCE.length);
  if (close < 0) return undefined;
  let start = open + FENCE.length;
  if (startsWithJsonTag(text, start)) start += 4;
  return pythonStrip(text.slice(start, close));
}
