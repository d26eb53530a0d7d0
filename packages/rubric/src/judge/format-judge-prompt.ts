import type { ChatMessage, Completion } from "@sv/parser";
import { judgeResponseText } from "./judge-response-text.js";
import { ORIGINAL_JUDGE_PROMPT } from "./original-judge-prompt.js";
import { pythonFormat } from "./python-format.js";

/** Options of {@link formatJudgePrompt}. */
export interface FormatJudgePromptOptions {
  /** The messages the model was given; the judge sees the last one's content (the flow record). */
  prompt: readonly ChatMessage[] | string;
  /** The model's reply (text or messages). */
  completion: Completion | unknown;
  /** The gold label, as the dataset row holds it (`Benign`, `Malicious`). */
  answer: string;
  /** Another template with the same fields (default {@link ORIGINAL_JUDGE_PROMPT}). */
  template?: string;
}

/** The question as the original's `judge()` takes it: the last message's `content`, else the prompt text. */
export function judgeQuestion(prompt: readonly ChatMessage[] | string): string {
  if (typeof prompt === "string") return prompt;
  const last = prompt.at(-1);
  if (last === undefined || !("content" in last)) return "";
  return typeof last.content === "string" ? last.content : String(last.content);
}

/**
 * The text the correctness judge receives (one user message), exactly as the original builds it:
 * `JUDGE_PROMPT.format(question=..., answer=..., response=format_completion_for_judge(...))`.
 */
export function formatJudgePrompt(options: FormatJudgePromptOptions): string {
  return pythonFormat(options.template ?? ORIGINAL_JUDGE_PROMPT, {
    question: judgeQuestion(options.prompt),
    answer: options.answer,
    response: judgeResponseText(options.completion),
  });
}
