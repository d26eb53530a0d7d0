/** One dataset repository served by `startFakeHub`. */
export interface FakeHubRepo {
  /** Commit id of the current revision (default: a fixed 40-hex id); changes on each commit. */
  sha?: string;
  /** Path → content. Commits add or replace entries. */
  files: Record<string, string | Uint8Array>;
  /** Extra branch or tag names that resolve to `sha` (besides `main` and `HEAD`). */
  refs?: readonly string[];
  /** Downloads need an approved token (403 GatedRepo otherwise); metadata and listings stay open. */
  gated?: boolean;
  /** Everything needs a valid token (401 without one). */
  private?: boolean;
}

/** One request the fake Hub received, in arrival order. */
export interface FakeHubRequest {
  method: string;
  /** URL path, without the query string. */
  path: string;
  range?: string;
  authorization?: string;
  /** Request body as UTF-8 ("" for none). */
  body: string;
}

/** One commit the fake Hub accepted (`POST /api/datasets/{repo}/commit/{rev}`). */
export interface FakeHubCommit {
  repo: string;
  summary: string;
  /** Files the commit wrote, decoded, in commit order. */
  files: { path: string; content: Uint8Array }[];
  /** The repository's new `sha`. */
  oid: string;
}

/** One repository creation the fake Hub received (`POST /api/repos/create`). */
export interface FakeHubCreate {
  repo: string;
  type: string;
  private: boolean;
}
