import { redactUrl } from "../../run-output/run-metadata.js";

/** A base URL without user info, query or fragment, so no credential in it reaches a report. */
export function safeBaseUrl(value: unknown): string {
  if (typeof value !== "string" || value === "") return "-";
  return redactUrl(value) ?? "-";
}
