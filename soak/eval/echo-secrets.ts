import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Everything a hostile or careless server could echo back: the Authorization header, Basic credentials
 * decoded, every `*key*` / `*token*` header, and the request target with its query string.
 */
export function echoCredentials(headers: IncomingHttpHeaders, url: string): string {
  const parts = [`url=${url}`];
  for (const [name, value] of Object.entries(headers)) {
    if (/auth|key|token/i.test(name)) parts.push(`${name}=${String(value)}`);
  }
  const basic = /^Basic (.+)$/i.exec(String(headers.authorization ?? ""));
  if (basic?.[1]) parts.push(`basic=${Buffer.from(basic[1], "base64").toString("utf8")}`);
  return parts.join("; ");
}

/** A stand-in for the Hugging Face Hub that answers every request 401 with the credentials echoed. */
export async function startEchoHub(options: {
  onEcho: (echo: string) => void;
}): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    options.onEcho(echoCredentials(request.headers, request.url ?? ""));
    const body = JSON.stringify({
      error: `Invalid credentials in header: ${echoCredentials(request.headers, request.url ?? "")}`,
    });
    response.writeHead(401, { "content-type": "application/json", "x-error-message": "Invalid credentials" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
