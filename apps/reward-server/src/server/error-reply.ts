import { REQUEST_ERROR_CODES, RequestError, type RequestIssue } from "./request-error.js";

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: RequestIssue[] };
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: REQUEST_ERROR_CODES.bodyTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: REQUEST_ERROR_CODES.unsupportedMediaType,
  FST_ERR_CTP_EMPTY_JSON_BODY: REQUEST_ERROR_CODES.invalidJson,
  FST_ERR_CTP_INVALID_JSON_BODY: REQUEST_ERROR_CODES.invalidJson,
};

function fastifyMessage(code: string, error: Error, bodyLimit: number): string {
  if (code === REQUEST_ERROR_CODES.bodyTooLarge) {
    return `request body is larger than the server's limit of ${bodyLimit} bytes (--body-limit); send smaller batches`;
  }
  if (code === REQUEST_ERROR_CODES.unsupportedMediaType) {
    return "send the body as JSON with Content-Type: application/json";
  }
  if (code === REQUEST_ERROR_CODES.invalidJson) return `body is not valid JSON: ${error.message}`;
  return error.message;
}

/**
 * The status and body for an error: a `RequestError` as it is, Fastify's own client errors (body too
 * large, malformed JSON, wrong media type) with a stable code, anything else a 500 that says nothing
 * about internals.
 */
export function errorReply(error: unknown, bodyLimit: number): { status: number; body: ErrorBody } {
  if (RequestError.isInstance(error)) {
    const issues = error.issues.length > 0 ? error.issues : undefined;
    return {
      status: error.statusCode,
      body: { error: { code: error.code, message: error.message, issues } },
    };
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  if (error instanceof Error && typeof status === "number" && status >= 400 && status < 500) {
    const fastifyCode = String((error as { code?: unknown }).code ?? "");
    const code =
      FASTIFY_CODES[fastifyCode] ??
      (error instanceof SyntaxError ? REQUEST_ERROR_CODES.invalidJson : REQUEST_ERROR_CODES.invalidRequest);
    return { status, body: { error: { code, message: fastifyMessage(code, error, bodyLimit) } } };
  }
  return {
    status: 500,
    body: { error: { code: REQUEST_ERROR_CODES.internal, message: "internal error (logged by the server)" } },
  };
}
