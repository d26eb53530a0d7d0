/** A base URL taken apart: what to send where, and which parts are secrets. */
export interface SplitBaseUrl {
  /** The URL without user info, query or fragment. */
  baseURL: string | undefined;
  /** Query parameters of the URL (e.g. Azure's `api-version`, or a key), sent on every request. */
  query: Record<string, string> | undefined;
  /** A key given as the URL's user info (`https://KEY@host/v1` or `https://user:KEY@host/v1`). */
  userKey: string | undefined;
  /** Values that must never appear in a message: query values and user info. */
  secrets: string[];
}

/**
 * The openai SDK appends `/chat/completions` to the base URL as a string, so a query string in it would
 * end up in the path (and in error messages that echo the URL). Split it off to send it as `defaultQuery`.
 */
export function splitBaseUrl(baseURL: string | undefined): SplitBaseUrl {
  if (!baseURL) return { baseURL, query: undefined, userKey: undefined, secrets: [] };
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return { baseURL, query: undefined, userKey: undefined, secrets: [] };
  }
  const secrets: string[] = [];
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = value;
    secrets.push(value);
  }
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  if (user) secrets.push(user);
  if (password) secrets.push(password);
  url.username = "";
  url.password = "";
  url.search = "";
  url.hash = "";
  return {
    baseURL: url.toString().replace(/\/$/, ""),
    query: Object.keys(query).length > 0 ? query : undefined,
    userKey: password || user || undefined,
    secrets,
  };
}
