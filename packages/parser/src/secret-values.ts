import { isSecretParameter } from "./secret-parameter.js";

/** Variables that always hold a secret (besides any named by the caller, e.g. the `-k` variable). */
export const KNOWN_SECRET_VARIABLES = [
  "OPENAI_API_KEY",
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "SV_SERVER_TOKEN",
] as const;

/** Options of {@link secretValues}. */
export interface SecretValuesOptions {
  /** The environment to read (an app passes its own copy; this function never reads `process.env`). */
  env: Readonly<Record<string, string | undefined>>;
  /** More variable names holding secrets, such as the one `-k/--api-key-var` names. */
  names?: readonly (string | undefined)[];
  /** URLs whose user info and query values are secrets (e.g. `--api-base-url`). */
  urls?: readonly (string | undefined)[];
}

// Names that say "secret" (`MY_API_KEY`, `GITHUB_TOKEN`, `DB_PASSWORD`); their values must be long
// enough not to mask ordinary words.
const SECRET_NAME = /(?:^|_)(?:API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;
const MIN_PATTERN_VALUE_LENGTH = 8;

/** User info and secret query values of a URL (what a message must never show), or none for a non-URL. */
export function urlSecrets(text: string | undefined): string[] {
  if (!text || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return [];
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [];
  }
  const secrets: string[] = [];
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  if (url.username) secrets.push(url.username, decode(url.username));
  if (url.password) secrets.push(url.password, decode(url.password));
  for (const [name, value] of url.searchParams) if (isSecretParameter(name, value)) secrets.push(value);
  return secrets;
}

/**
 * The secret values in an environment, for {@link redactSecrets}: the variables named by the caller
 * and {@link KNOWN_SECRET_VARIABLES}, any variable whose name ends in `KEY`, `TOKEN`, `SECRET`,
 * `PASSWORD` or `CREDENTIALS` (values of 8+ characters), and the user info and query values of every
 * URL-valued variable (`HF_ENDPOINT=https://user:password@…`) and of the URLs given.
 */
export function secretValues(options: SecretValuesOptions): string[] {
  const secrets = new Set<string>();
  const named = new Set<string>([...KNOWN_SECRET_VARIABLES, ...(options.names ?? []).filter(isString)]);
  for (const [name, value] of Object.entries(options.env)) {
    if (!value) continue;
    if (named.has(name)) secrets.add(value);
    else if (SECRET_NAME.test(name) && value.length >= MIN_PATTERN_VALUE_LENGTH) secrets.add(value);
    for (const secret of urlSecrets(value)) secrets.add(secret);
  }
  for (const url of options.urls ?? []) for (const secret of urlSecrets(url)) secrets.add(secret);
  return [...secrets];
}

function isString(value: string | undefined): value is string {
  return typeof value === "string";
}
