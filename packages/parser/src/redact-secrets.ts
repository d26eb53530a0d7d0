import { isSecretParameter } from "./secret-parameter.js";

/** What replaces a secret in redacted text. */
export const REDACTED = "[redacted]";

/** Options of {@link redactSecrets}. */
export interface RedactSecretsOptions {
  /**
   * Literal secret values to mask wherever they appear (API keys, tokens, passwords), also in their
   * URL-encoded form. Values shorter than 4 characters are ignored (they would mask ordinary text).
   */
  secrets?: readonly (string | null | undefined)[];
}

const MIN_SECRET_LENGTH = 4;

// Header-like `name: value` or `"name": "value"` pairs whose value is a credential; the value runs to
// the end of the quoted string or line, so `Authorization: Bearer x` loses both words.
const CREDENTIAL_HEADER =
  /\b((?:proxy-)?authorization|x-api-key|api-key|x-goog-api-key|cookie|set-cookie)(["']?\s*[:=]\s*["']?)([^"'\r\n]+)/gi;
// A credential scheme followed by its token, anywhere (`Bearer hf_x`, `Basic dXNlcjpwYXNz`).
// `Bearer` in any case or `Basic`, then a token (`Bearer hf_x`, `Basic dXNlcjpwYXNz`); see `looksLikeToken`.
const AUTH_SCHEME = /\b([Bb][Ee][Aa][Rr][Ee][Rr]|Basic)(\s+)([A-Za-z0-9._~+/=-]{6,})/g;
// `scheme://user:password@host` or `scheme://token@host`.
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]{0,15}:\/\/)[^\s/?#@"'<>]+@/gi;
// Query or form parameters (`?name=value`); the value is masked when the name says it is a credential
// (`api_key`, `token`, `Signature`, `X-Amz-Credential`, …). Names are checked apart to stay linear.
const PARAMETER = /([?&;])([A-Za-z0-9_.-]+)=([^&#\s"'<>]+)/g;
// Token shapes of the services this project talks to (Hugging Face, OpenAI-style keys).
const KNOWN_TOKEN = /\b(?:hf_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9_-]{16,})/g;

/** A credential, not a word of prose ("Basic validation"): it has a digit, a symbol or mixed case. */
function looksLikeToken(text: string): boolean {
  return /[0-9._~+/=-]/.test(text) || (/[a-z]/.test(text) && /[A-Z]/.test(text.slice(1)));
}

/** Mask the token after each `Bearer`/`Basic`; a word that is no token may itself be a scheme (`bearer bearer x`). */
function maskSchemeTokens(text: string): string {
  const pattern = new RegExp(AUTH_SCHEME.source, "g");
  let result = "";
  let copied = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const [whole, scheme = "", space = "", token = ""] = match;
    if (looksLikeToken(token)) {
      result += `${text.slice(copied, match.index)}${scheme}${space}${REDACTED}`;
      copied = match.index + whole.length;
    } else {
      pattern.lastIndex = match.index + scheme.length + space.length;
    }
  }
  return result + text.slice(copied);
}

function maskLiterals(text: string, secrets: readonly (string | null | undefined)[]): string {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) continue;
    values.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) values.add(encoded);
  }
  // Longest first, so a secret that contains another is masked whole.
  let masked = text;
  for (const value of [...values].sort((left, right) => right.length - left.length)) {
    masked = masked.split(value).join(REDACTED);
  }
  return masked;
}

/**
 * Mask secrets in a text bound for a terminal, a log line or a file: the literal values given (an API
 * key, `HF_TOKEN`, …), credential headers (`Authorization: …`, `x-api-key: …`), `Bearer`/`Basic`
 * tokens, URL user info (`https://user:password@host`), credential-looking query parameters
 * (`?api_key=…`, `&token=…`, `Signature=…`) and Hugging Face / OpenAI token shapes. Every app sends
 * each outgoing error text through this one function. Pure and linear in the text's length.
 *
 * @example
 * redactSecrets("401 for https://bob:pw@hub.local/api?token=abc (Authorization: Bearer hf_x)", {
 *   secrets: ["hf_x"],
 * });
 * // "401 for https://[redacted]@hub.local/api?token=[redacted] (Authorization: [redacted])"
 */
export function redactSecrets(text: string, options: RedactSecretsOptions = {}): string {
  let redacted = maskLiterals(text, options.secrets ?? []);
  redacted = redacted.replace(CREDENTIAL_HEADER, (_match, name: string, separator: string) => {
    return `${name}${separator}${REDACTED}`;
  });
  redacted = maskSchemeTokens(redacted);
  redacted = redacted.replace(URL_USER_INFO, (_match, scheme: string) => `${scheme}${REDACTED}@`);
  redacted = redacted.replace(PARAMETER, (match, start: string, name: string, value: string) =>
    isSecretParameter(name, value) ? `${start}${name}=${REDACTED}` : match,
  );
  return redacted.replace(KNOWN_TOKEN, REDACTED);
}
