export { type Answer, answerJsonSchema, answerSchema } from "./answer-schema.js";
export { type ChatMessage, type Completion, getResponseText } from "./completion.js";
export { extractBalancedObject } from "./extract-balanced-object.js";
export { extractFencedBlock } from "./extract-fenced-block.js";
export { isLabel, LABELS, type Label } from "./labels.js";
export { type ExtractionMethod, type ParsedAnswer, parse } from "./parse.js";
export { parsePythonFloat } from "./python-float.js";
export { isPythonWhitespace, pythonStrip } from "./python-whitespace.js";
export { SvError } from "./sv-error.js";
export { REDACTED, type RedactSecretsOptions, redactSecrets } from "./redact-secrets.js";
export {
  KNOWN_SECRET_VARIABLES,
  type SecretValuesOptions,
  secretValues,
  urlSecrets,
} from "./secret-values.js";
export { isSecretParameter } from "./secret-parameter.js";
export { type SystemErrorTextOptions, systemErrorReason, systemErrorText } from "./system-error-text.js";
export { suggestCommand } from "./suggest-command.js";
