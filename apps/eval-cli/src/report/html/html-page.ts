import { createHash } from "node:crypto";
import { escapeHtml } from "./escape-html.js";
import { REPORT_STYLES } from "./report-styles.js";

/** Options of {@link htmlPage}. */
export interface HtmlPageOptions {
  title: string;
  body: string;
  /** Inline scripts; each is allowed by its hash in the page's Content-Security-Policy. */
  scripts?: string[];
}

/**
 * A complete, self-contained page. Its Content-Security-Policy forbids every network request and
 * any script but the page's own (allowed by SHA-256), so a stray unescaped string cannot run.
 */
export function htmlPage(options: HtmlPageOptions): string {
  const scripts = options.scripts ?? [];
  const hashes = scripts.map((script) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`);
  const policy = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${hashes.length > 0 ? hashes.join(" ") : "'none'"}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
<main>
${options.body}
</main>
${scripts.map((script) => `<script>${script}</script>`).join("\n")}
</body>
</html>
`;
}
