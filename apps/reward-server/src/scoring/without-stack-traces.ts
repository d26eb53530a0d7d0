/**
 * Run `work` with `Error.stackTraceLimit` at 0, restoring it after. The parser locates the answer
 * object by trying `JSON.parse` on the reply and catching the `SyntaxError` of replies that are not
 * JSON; that error is thrown away, yet capturing its stack costs more than the whole rest of scoring
 * the item (~10 µs under Fastify's deep call stack). `work` must be synchronous: the limit is global.
 */
export function withoutStackTraces<T>(work: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
