const MARKDOWN_ENTITIES: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  "\r": " ",
  "\n": " ",
};

/** Text safe inside a markdown table cell or list item: no markup, no raw HTML, one line. */
export function markdownText(text: unknown): string {
  return String(text).replace(
    /[|\\`*_[\]<>&\r\n]/g,
    (character) => MARKDOWN_ENTITIES[character] ?? `\\${character}`,
  );
}
