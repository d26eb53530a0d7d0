/** A base URL without user info, query or fragment, so no credential in it reaches a report. */
export function safeBaseUrl(value: unknown): string {
  if (typeof value !== "string" || value === "") return "-";
  try {
    const url = new URL(value);
    url.username = "";
    url.password = "";
    url.search = "";
    url.hash = "";
    return url.toString();
  } catch {
    return "(unparsable URL)";
  }
}
