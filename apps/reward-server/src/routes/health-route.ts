import { ENV_ID, ENV_VERSION } from "@sv/env";
import type { FastifyInstance } from "fastify";

/** `GET /health`: 200 while the server accepts work (503 once it is shutting down). */
export function registerHealthRoute(app: FastifyInstance): void {
  app.get("/health", async () => ({ status: "ok", env_id: ENV_ID, env_version: ENV_VERSION }));
}
