import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";

/** Send a JSON (or pre-serialised) body with a status and extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** A Hub-style error: `{ error }` body plus the `X-Error-Code` header `@huggingface/hub` reads. */
export function sendHubError(response: ServerResponse, status: number, error: string, code?: string): void {
  sendJson(response, status, { error }, code ? { "X-Error-Code": code } : {});
}

/** Content as bytes. */
export function toBytes(content: string | Uint8Array): Buffer {
  return typeof content === "string" ? Buffer.from(content) : Buffer.from(content);
}

/** Lower-case hex SHA-1 of some bytes or text (file oids, ETags, commit ids). */
export function sha1(data: string | Uint8Array): string {
  return createHash("sha1").update(data).digest("hex");
}
