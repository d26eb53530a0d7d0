import { inflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { embedJson } from "./embed-json.js";

function payloadOf(html: string): string {
  return html.slice(html.indexOf(">") + 1, html.lastIndexOf("</script>"));
}

function unwrap(html: string): unknown {
  const match =
    /^<script type="application\/json" id="x" data-encoding="([a-z0-9-]+)">([\s\S]*)<\/script>$/.exec(html);
  if (!match) throw new Error(`unexpected island ${html.slice(0, 80)}`);
  const payload = match[2]!;
  return JSON.parse(
    match[1] === "json" ? payload : inflateSync(Buffer.from(payload, "base64")).toString("utf8"),
  );
}

describe("embedJson", () => {
  it("round-trips any JSON and never lets a string close the element", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, compress) => {
        const html = embedJson({ id: "x", value, compressAbove: compress ? 0 : undefined });
        expect(html.toLowerCase().split("</script").length).toBe(2);
        expect(payloadOf(html)).not.toMatch(/[<>&\u2028\u2029]/u);
        expect(unwrap(html)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("escapes hostile markup in plain JSON", () => {
    const html = embedJson({ id: "x", value: { text: "</script><script>alert(1)</script><!--" } });
    expect(html).toContain("\\u003c/script\\u003e");
    expect(unwrap(html)).toEqual({ text: "</script><script>alert(1)</script><!--" });
  });

  it("compresses large payloads", () => {
    const value = {
      rows: Array.from({ length: 5000 }, (_, index) => `Log Entry: id.orig_h=10.0.0.${index % 255}`),
    };
    const html = embedJson({ id: "x", value, compressAbove: 1000 });
    expect(html).toContain('data-encoding="deflate-base64"');
    expect(html.length).toBeLessThan(JSON.stringify(value).length / 3);
    expect(unwrap(html)).toEqual(value);
  });
});
