import { createHash } from "node:crypto";
import { CONTENT_FIELDS, type Flow } from "./flow.js";
import { formatFlowValue } from "./render-question.js";

/**
 * `meta.hash`: the first 16 hex characters of SHA-256 over the flow's content fields as the question
 * shows them (not `ts`, not `uid`), so the same flow from two captures or two formats hashes the same.
 */
export function flowHash(flow: Flow): string {
  const hash = createHash("sha256");
  for (const field of CONTENT_FIELDS) {
    hash.update(field);
    hash.update("=");
    hash.update(formatFlowValue(field, flow[field]));
    hash.update("\n");
  }
  return hash.digest("hex").slice(0, 16);
}
