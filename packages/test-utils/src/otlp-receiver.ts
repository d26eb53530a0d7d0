import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gunzipSync } from "node:zlib";
import { decodeOtlpJson, decodeOtlpProtobuf } from "./otlp-decode.js";
import type { OtlpSpan } from "./otlp-span.js";

/** One request the receiver got, as it arrived. */
export interface OtlpRequest {
  method: string;
  path: string;
  contentType: string;
  headers: IncomingMessage["headers"];
  /** The body as sent (before gunzip), for byte-level assertions such as "no secret anywhere". */
  raw: Buffer;
}

export interface OtlpReceiverOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Status of the reply to the n-th export (0-based); default 200. A non-2xx export is not decoded. */
  status?: (exportNumber: number) => number;
}

/** A running loopback OTLP/HTTP trace receiver. */
export interface OtlpReceiver {
  /** `http://host:port`, the value of `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  endpoint: string;
  /** `…/v1/traces`, the value of `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`. */
  tracesUrl: string;
  /** Every request received, any path. */
  requests: OtlpRequest[];
  /** Spans of the accepted exports, in arrival order. */
  spans: OtlpSpan[];
  /** TCP connections accepted so far (a client that connects and sends nothing counts too). */
  readonly connections: number;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Start an OTLP/HTTP receiver on loopback that accepts `POST /v1/traces` in protobuf
 * (`application/x-protobuf`) or JSON (`application/json`), gzip or not, and decodes the spans honestly
 * (a body it cannot decode is answered 400 and recorded, never guessed at).
 */
export async function startOtlpReceiver(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
  const requests: OtlpRequest[] = [];
  const spans: OtlpSpan[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let exports = 0;

  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const path = (request.url ?? "").split("?")[0] ?? "";
    const contentType = String(request.headers["content-type"] ?? "")
      .split(";")[0]!
      .trim();
    requests.push({ method: request.method ?? "", path, contentType, headers: request.headers, raw });
    const reply = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      response.end(body);
    };
    if (request.method !== "POST" || path !== "/v1/traces") return reply(404, "text/plain", "not found");
    const status = options.status?.(exports++) ?? 200;
    if (status < 200 || status >= 300) return reply(status, "application/json", '{"message":"refused"}');
    try {
      const body = request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
      if (contentType === "application/x-protobuf") {
        spans.push(...decodeOtlpProtobuf(body));
        return reply(200, "application/x-protobuf", Buffer.alloc(0));
      }
      if (contentType === "application/json") {
        spans.push(...decodeOtlpJson(JSON.parse(body.toString("utf8"))));
        return reply(200, "application/json", "{}");
      }
      return reply(415, "text/plain", `unsupported content type ${contentType}`);
    } catch (error) {
      return reply(400, "text/plain", `undecodable export: ${(error as Error).message}`);
    }
  });
  server.on("connection", (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  const endpoint = `http://${shownHost}:${port}`;
  return {
    endpoint,
    tracesUrl: `${endpoint}/v1/traces`,
    requests,
    spans,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
