import { deflateSync } from "node:zlib";

/** Options of {@link embedJson}. */
export interface EmbedJsonOptions {
  id: string;
  value: unknown;
  /** Deflate + base64 the JSON when it is longer than this many characters (default 1 MB). */
  compressAbove?: number;
}

/**
 * A `<script type="application/json">` data island. Plain JSON has `<`, `>`, `&`, U+2028 and U+2029
 * escaped, so no string in it can close the element; large payloads are deflated and base64-encoded
 * (`data-encoding="deflate-base64"`), which the page inflates with `DecompressionStream`.
 */
export function embedJson(options: EmbedJsonOptions): string {
  const json = JSON.stringify(options.value);
  if (json.length <= (options.compressAbove ?? 1_000_000)) {
    const safe = json.replace(
      /[<>&\u2028\u2029]/g,
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    return `<script type="application/json" id="${options.id}" data-encoding="json">${safe}</script>`;
  }
  const packed = deflateSync(Buffer.from(json, "utf8"), { level: 9 }).toString("base64");
  return `<script type="application/json" id="${options.id}" data-encoding="deflate-base64">${packed}</script>`;
}
