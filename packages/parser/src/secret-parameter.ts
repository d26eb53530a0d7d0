// Names that say a query or form parameter carries a credential (`api_key`, `token`, `Signature`,
// `X-Amz-Credential`, `code`, …).
const SECRET_PARAMETER_NAME = /key|token|secret|sig|pass|pwd|auth|cred|session|code/i;

/**
 * Whether a URL query parameter is a secret: by its name, or because its value looks like a credential
 * (long, letters and digits). `api-version=2024-10-21` is not; `key=…`, `sig=…` and opaque tokens are.
 * The one rule behind both what error texts mask and what metadata.json may store of a base URL.
 */
export function isSecretParameter(name: string, value: string): boolean {
  if (SECRET_PARAMETER_NAME.test(name)) return true;
  return value.length >= 24 && /[A-Za-z]/.test(value) && /\d/.test(value);
}
