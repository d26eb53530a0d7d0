import { HubApiError } from "@huggingface/hub";
import { redactSecrets, urlSecrets } from "@sv/parser";
import { DATASET_ERROR_CODES, DatasetError } from "../dataset-error.js";

/** A request that never got an HTTP response (DNS, refused connection, TLS, abort). */
export class HubNetworkFailure extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`request to ${url} failed`, { cause });
    this.name = "HubNetworkFailure";
  }
}

/** What was being done when a Hub request failed, for the message. */
export interface HubErrorContext {
  repo: string;
  endpoint: string;
  revision: string;
  hasToken: boolean;
  /** `X-Error-Code` of the failed response (`GatedRepo`, `RepoNotFound`, `RevisionNotFound`, …). */
  errorCode?: string | null;
  /** The file being read, when the failure is about one file. */
  path?: string;
}

function networkReason(error: HubNetworkFailure): string {
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code) return code;
    if (!cause.cause) return cause.message;
    cause = cause.cause;
  }
  return "network error";
}

/**
 * Turn a failure of `@huggingface/hub` into a {@link DatasetError} with a code per cause. Its message
 * never names the token, nor the endpoint's user info or secret query values ({@link redactSecrets}).
 */
export function toHubDatasetError(error: unknown, context: HubErrorContext): DatasetError {
  if (error instanceof DatasetError) return error;
  const classified = classifyHubError(error, context);
  const message = redactSecrets(classified.message, { secrets: urlSecrets(context.endpoint) });
  return new DatasetError({ code: classified.code, message, cause: error });
}

function classifyHubError(error: unknown, context: HubErrorContext): DatasetError {
  const { repo, endpoint } = context;
  const page = `${endpoint}/datasets/${repo}`;
  const what = context.path ? `${context.path} in dataset ${repo}` : `dataset ${repo}`;
  if (error instanceof HubNetworkFailure) {
    return new DatasetError({
      code: DATASET_ERROR_CODES.hubUnavailable,
      message: `cannot reach the Hugging Face Hub at ${endpoint} (${networkReason(error)}); check the network or HF_ENDPOINT`,
      cause: error,
    });
  }
  const status = error instanceof HubApiError ? error.statusCode : undefined;
  if (status === 401 && !context.hasToken) {
    return new DatasetError({
      code: DATASET_ERROR_CODES.hubAuth,
      message: `${what} needs a Hugging Face access token: set HF_TOKEN to a read token of an account with access (the repository is private or gated, or does not exist)`,
      cause: error,
    });
  }
  if (status === 401) {
    return new DatasetError({
      code: DATASET_ERROR_CODES.hubAuth,
      message: `the Hub rejected HF_TOKEN for ${what} (invalid or expired token, or a repository this account cannot see); create a read token at ${endpoint}/settings/tokens`,
      cause: error,
    });
  }
  if (status === 403) {
    return new DatasetError({
      code: DATASET_ERROR_CODES.hubGated,
      message: `${what} is gated and this account has no access yet: request access on ${page} and wait for approval (or use a token with read permission)`,
      cause: error,
    });
  }
  if (status === 404) {
    const message =
      context.errorCode === "RevisionNotFound"
        ? `revision "${context.revision}" not found in dataset ${repo} on ${endpoint}`
        : `dataset repository ${repo} not found on ${endpoint} (check E1_HF_REPO or the hub repo option)`;
    return new DatasetError({ code: DATASET_ERROR_CODES.hubNotFound, message, cause: error });
  }
  const reason = status ? `HTTP ${status}` : ((error as Error)?.message ?? String(error));
  return new DatasetError({
    code: DATASET_ERROR_CODES.hubUnavailable,
    message: `the Hugging Face Hub at ${endpoint} failed for ${what} (${reason}); try again later`,
    cause: error,
  });
}
