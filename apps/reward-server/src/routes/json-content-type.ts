/** The content type of JSON answers serialised by hand (the one Fastify gives objects it serialises). */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
