import {
  createRewardServer,
  type RewardServer,
  type RewardServerOptions,
} from "./server/create-reward-server.js";

/** Options of {@link serve}. */
export interface ServeOptions extends RewardServerOptions {
  /** Interface to bind (default `127.0.0.1`: loopback only). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
}

/** A listening server. */
export interface ServingServer extends RewardServer {
  /** `http://host:port`, with the bound port. */
  url: string;
  /** Stop accepting, finish in-flight requests, then resolve. */
  close(): Promise<void>;
}

function urlOf(app: RewardServer["app"]): string {
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("server is not listening on TCP");
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Build the server and listen; resolves once it accepts connections. */
export async function serve(options: ServeOptions = {}): Promise<ServingServer> {
  const { host = "127.0.0.1", port = 0, ...serverOptions } = options;
  const server = createRewardServer(serverOptions);
  await server.app.listen({ host, port });
  return { ...server, url: urlOf(server.app), close: () => server.app.close() };
}
