import { isSecretParameter } from "@sv/parser";

/** A base URL as metadata.json keeps it: what the endpoint needs, minus every secret. */
export interface StoredBaseUrl {
  /** The URL without user info, fragment or secret query parameters (non-secret ones, e.g. `api-version`, kept). */
  url: string | null;
  /** What was left out, for the resume hint: `user info`, `query parameter "key"`. */
  leftOut: string[];
}

/**
 * Split a base URL into what can be written down and what cannot: user info and secret-looking query
 * parameters are dropped (and named in `leftOut`); other query parameters such as Azure's `api-version`
 * are kept, so `--resume` reaches the same endpoint.
 */
export function storableBaseUrl(baseURL: string | undefined): StoredBaseUrl {
  if (!baseURL) return { url: null, leftOut: [] };
  let parsed: URL;
  try {
    parsed = new URL(baseURL);
  } catch {
    return { url: null, leftOut: ["the whole URL (not a valid URL)"] };
  }
  const leftOut: string[] = [];
  if (parsed.username || parsed.password) leftOut.push("user info");
  const kept = new URLSearchParams();
  for (const [name, value] of parsed.searchParams) {
    if (isSecretParameter(name, value)) leftOut.push(`query parameter "${name}"`);
    else kept.append(name, value);
  }
  const query = kept.toString();
  const base = `${parsed.origin}${parsed.pathname}`.replace(/\/$/, "");
  return { url: query ? `${base}?${query}` : base, leftOut };
}
