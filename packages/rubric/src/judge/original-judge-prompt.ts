/**
 * The judge prompt of the original's `sv-netlogs-judge` environment, as a Python `str.format` template
 * (`{question}`, `{answer}`, `{response}`; `{{`/`}}` are literal braces). It is the reward's
 * specification, so it is data, kept byte for byte.
 *
 * Provenance: intertwine/security-verifiers, `environments/sv-env-network-logs/sv_env_network_logs_judge.py`,
 * `JUDGE_PROMPT`, commit 27f7c044d0785910e7bcca79a78b9f08e253666b (the Python source's backslash line
 * continuations resolved; no trailing newline). `fixtures/judge/original-judge-prompt.json` holds the
 * same text as Python evaluated it, and a test compares the two.
 */
export const ORIGINAL_JUDGE_PROMPT = [
  "You are evaluating a network security classification model's response.",
  "",
  'The model was given a network log entry and asked to classify it as "Benign", "Malicious", or "Abstain" with a confidence score (0.0-1.0) in JSON format: {{"label": "...", "confidence": 0.0-1.0, "rationale": "..."}}.',
  "",
  "Network log entry:",
  "```",
  "{question}",
  "```",
  "",
  "Correct classification: {answer}",
  "",
  "Model's parsed response: {response}",
  "",
  "Evaluate whether the model's response is acceptable by checking ALL of:",
  "1. The label matches the correct classification (case-insensitive)",
  "2. The response is valid JSON with required fields (label, confidence)",
  "3. The confidence is reasonable (high if correct, low if uncertain)",
  "",
  'Respond "yes" if the response is correct and well-formed, or "no" otherwise.',
].join("\n");

/**
 * The system prompt of the original's judge environment (`load_environment` in the same file and
 * commit), which the model under evaluation sees in judge mode unless another is given.
 */
export const ORIGINAL_JUDGE_SYSTEM_PROMPT =
  "You are a network security analyst. Analyze the provided network log entry and respond with a JSON " +
  'object: {"label": \'Benign|Malicious|Abstain\', "confidence": 0.0-1.0, "rationale": optional}.';

/** The original's judge model and sampling (`judge_model`, `judge_sampling_args` of `load_environment`). */
export const ORIGINAL_JUDGE_MODEL = "gpt-4.1-nano";
export const ORIGINAL_JUDGE_SAMPLING_ARGS = Object.freeze({ max_tokens: 16, temperature: 0 });
