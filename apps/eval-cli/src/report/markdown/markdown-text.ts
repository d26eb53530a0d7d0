/**
 * Text safe inside a markdown table cell or list item: every markdown metacharacter is
 * backslash-escaped, `<` and `>` become `&lt;`/`&gt;` so no raw HTML or autolink can form, an `&` is
 * escaped only where it would start a character reference (`&amp;`, `&#60;`), and line breaks become
 * spaces. Plain text stays readable: `C&C` is written as `C&C`.
 */
export function markdownText(text: unknown): string {
  return String(text)
    .replace(/[\r\n]+/g, " ")
    .replace(/[|\\`*_[\]~#!]/g, (character) => `\\${character}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}
