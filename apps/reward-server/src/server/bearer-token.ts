import { createHash, timingSafeEqual } from "node:crypto";

/** Checks `Authorization: Bearer …` headers against one secret token. */
export interface BearerTokenCheck {
  /** True when the header carries the token. Runs in time independent of where they differ. */
  matches(authorization: string | undefined): boolean;
}

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/**
 * A constant-time check of bearer tokens: both sides are hashed to 32 bytes first, so neither the
 * content nor the length of the token leaks through timing. The token itself is never stored.
 */
export function createBearerTokenCheck(token: string): BearerTokenCheck {
  const expected = digest(token);
  return {
    matches(authorization) {
      if (authorization === undefined) return false;
      const match = /^Bearer[ \t]+(.*)$/i.exec(authorization);
      const given = digest(match ? match[1]!.trim() : "");
      return timingSafeEqual(given, expected) && match !== null;
    },
  };
}
