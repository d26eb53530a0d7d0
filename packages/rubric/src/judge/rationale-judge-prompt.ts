import type { ChatMessage, ParsedAnswer } from "@sv/parser";
import { judgeQuestion } from "./format-judge-prompt.js";
import { pythonFormat } from "./python-format.js";

/**
 * Our prompt for the hybrid reward's judge (not the original's: its hybrid mode was never built). The
 * judge grades the rationale only, against the label the model chose (not the gold label: correctness is
 * the accuracy reward's job): does it name flow fields of the record, with values that are really there,
 * that support that label? A rationale that restates the label, invents values or cites nothing is a no.
 */
export const RATIONALE_JUDGE_PROMPT = [
  "You are reviewing the rationale a network security model gave for classifying one network flow record.",
  "",
  "Network flow record:",
  "```",
  "{question}",
  "```",
  "",
  "The model's label: {label}",
  "The model's rationale: {rationale}",
  "",
  "Answer yes only if ALL of these hold:",
  "1. The rationale names one or more fields of the record (for example conn_state, history, id.resp_p, proto, service, duration, orig_bytes, resp_pkts).",
  "2. The values it cites are the values in the record (nothing invented).",
  "3. Those fields and values support the label the model chose.",
  "",
  'Respond "yes" or "no" only.',
].join("\n");

/** Options of {@link formatRationalePrompt}. */
export interface FormatRationalePromptOptions {
  prompt: readonly ChatMessage[] | string;
  parsed: Pick<ParsedAnswer, "label" | "rationale">;
  template?: string;
}

/**
 * True when the reply has something for the rationale judge to grade: a label and a rationale that is
 * not blank. Otherwise the rationale scores 0 without a judge call.
 */
export function hasGradableRationale(parsed: Pick<ParsedAnswer, "label" | "rationale">): boolean {
  return parsed.label !== null && typeof parsed.rationale === "string" && parsed.rationale.trim() !== "";
}

/** The text the rationale judge receives (one user message). */
export function formatRationalePrompt(options: FormatRationalePromptOptions): string {
  return pythonFormat(options.template ?? RATIONALE_JUDGE_PROMPT, {
    question: judgeQuestion(options.prompt),
    label: options.parsed.label ?? "",
    rationale: options.parsed.rationale ?? "",
  });
}
