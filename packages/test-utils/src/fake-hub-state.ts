import type { IncomingMessage, ServerResponse } from "node:http";
import type { FakeHubCommit, FakeHubCreate, FakeHubRepo } from "./fake-hub-repo.js";

/** The fake Hub's mutable state, shared by its route handlers. */
export interface FakeHubState {
  repos: Map<string, FakeHubRepo & { sha: string }>;
  /** Valid tokens (`true` = approved for gated repos); `undefined` accepts every token as approved. */
  tokens: Record<string, boolean> | undefined;
  createStatus: number | undefined;
  commits: FakeHubCommit[];
  created: FakeHubCreate[];
}

/** One request being answered. */
export interface FakeHubCall {
  request: IncomingMessage;
  response: ServerResponse;
  /** URL path as sent (still percent-encoded), without the query string. */
  path: string;
  /** Bearer token, if any (already checked against `tokens`). */
  token: string | undefined;
  body: string;
  /** Base URL of the server. */
  url: string;
}

/** The commit id a repo starts at unless its options give one. */
export const INITIAL_SHA = "0123456789abcdef0123456789abcdef01234567";
