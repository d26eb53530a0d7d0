import { HubNetworkFailure } from "./hub-error.js";

/** A fetch that remembers the `X-Error-Code` of the last failed response and marks network failures. */
export interface TrackedFetch {
  fetch: typeof fetch;
  lastErrorCode(): string | null;
}

/** Wrap `base` for the Hub client: adds `signal`, records error codes, wraps thrown errors. */
export function createTrackedFetch(base: typeof fetch, signal?: AbortSignal): TrackedFetch {
  let errorCode: string | null = null;
  const tracked = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await base(input, signal ? { ...init, signal } : init);
    } catch (error) {
      if (signal?.aborted) throw error;
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      throw new HubNetworkFailure(url.split("?")[0] ?? url, error);
    }
    if (!response.ok) errorCode = response.headers.get("x-error-code");
    return response;
  };
  return { fetch: tracked as typeof fetch, lastErrorCode: () => errorCode };
}
