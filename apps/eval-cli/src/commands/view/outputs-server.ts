import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { basename, extname } from "node:path";
import { findRuns } from "./find-runs.js";
import { renderIndex } from "./render-index.js";
import { resolveRequestPath } from "./resolve-request-path.js";

/** Options of {@link createOutputsServer}. */
export interface CreateOutputsServerOptions {
  /** The served directory, already resolved with `realpath`. */
  root: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".jsonl": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

const HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

function send(
  response: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { ...HEADERS, "Content-Type": "text/plain; charset=utf-8", ...extra });
  response.end(`${text}\n`);
}

/** Only loopback host names, so a rebinding DNS name cannot reach the server from a web page. */
function allowedHost(request: IncomingMessage): boolean {
  const host = (request.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

/**
 * A read-only HTTP server for the eval outputs: `/` is an index of every run and comparison, any
 * other path a file under the root (never outside it: see `resolveRequestPath`). GET and HEAD only.
 */
export function createOutputsServer(options: CreateOutputsServerOptions): Server {
  return createServer(async (request, response) => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") {
        return send(response, 405, "read-only: GET and HEAD only", { Allow: "GET, HEAD" });
      }
      if (!allowedHost(request)) return send(response, 403, "forbidden host");
      const target = request.url ?? "/";
      if (target === "/" || target.startsWith("/?") || target === "/index.html") {
        const html = renderIndex({
          entries: await findRuns({ root: options.root }),
          rootName: basename(options.root),
        });
        response.writeHead(200, { ...HEADERS, "Content-Type": "text/html; charset=utf-8" });
        response.end(request.method === "HEAD" ? undefined : html);
        return;
      }
      const resolved = await resolveRequestPath({ root: options.root, target });
      if (resolved.kind === "error") {
        return send(response, resolved.status, resolved.status === 404 ? "not found" : "forbidden path");
      }
      response.writeHead(200, {
        ...HEADERS,
        "Content-Type": TYPES[extname(resolved.path).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": String(resolved.size),
      });
      if (request.method === "HEAD") return response.end();
      createReadStream(resolved.path)
        .on("error", () => response.destroy())
        .pipe(response);
    } catch {
      if (!response.headersSent) send(response, 500, "internal error");
      else response.destroy();
    }
  });
}
