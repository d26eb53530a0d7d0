import type { FastifyInstance } from "fastify";
import secureJson from "secure-json-parse";
import { REQUEST_ERROR_CODES, RequestError } from "./request-error.js";

/**
 * Parse JSON bodies ourselves so a malformed one gets a 400 that says what is wrong and where
 * (`Unexpected token } in JSON at position 12`), and a `__proto__` / `constructor.prototype` key is
 * refused by name rather than silently merged into anything.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser(["application/json"]);
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === "") {
      done(
        new RequestError({
          statusCode: 400,
          code: REQUEST_ERROR_CODES.invalidJson,
          message: "body is empty; send a JSON object",
        }),
        undefined,
      );
      return;
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: "error", constructorAction: "error" }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      done(
        new RequestError({
          statusCode: 400,
          code: REQUEST_ERROR_CODES.invalidJson,
          message: `body is not valid JSON: ${reason}`,
        }),
        undefined,
      );
    }
  });
}
