import { SvError } from "@sv/parser";

/** Codes of the errors the server answers with (the `error.code` of a 4xx body). */
export const REQUEST_ERROR_CODES = {
  invalidRequest: "invalid_request",
  invalidJson: "invalid_json",
  bodyTooLarge: "body_too_large",
  unsupportedMediaType: "unsupported_media_type",
  unauthorized: "unauthorized",
  notFound: "not_found",
  datasetNotFound: "dataset_not_found",
  splitNotFound: "split_not_found",
  datasetUnavailable: "dataset_unavailable",
  datasetInvalid: "dataset_invalid",
  shuttingDown: "shutting_down",
  internal: "internal_error",
} as const;

export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[keyof typeof REQUEST_ERROR_CODES];

/** One problem with a request: where (`items.3.answer`) and what. */
export interface RequestIssue {
  path: string;
  message: string;
}

/** A request the server refuses, with its HTTP status and the issues that name the fields. */
export class RequestError extends SvError {
  readonly statusCode: number;
  readonly issues: RequestIssue[];

  constructor(options: {
    statusCode: number;
    code: RequestErrorCode;
    message: string;
    issues?: RequestIssue[];
    cause?: unknown;
  }) {
    super({ code: options.code, message: options.message, cause: options.cause });
    this.name = "RequestError";
    this.statusCode = options.statusCode;
    this.issues = options.issues ?? [];
  }

  static override isInstance(error: unknown): error is RequestError {
    return SvError.isInstance(error) && typeof (error as RequestError).statusCode === "number";
  }
}

/** A 400 naming the fields, from a list of issues. */
export function invalidRequest(issues: RequestIssue[]): RequestError {
  const shown = issues.slice(0, 5).map((issue) => `${issue.path || "(body)"}: ${issue.message}`);
  if (issues.length > shown.length) shown.push(`and ${issues.length - shown.length} more`);
  return new RequestError({
    statusCode: 400,
    code: REQUEST_ERROR_CODES.invalidRequest,
    message: shown.join("; "),
    issues: issues.slice(0, 100),
  });
}
