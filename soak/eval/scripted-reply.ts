import type { ChatRequest } from "@sv/test-utils";
import { seededUniform } from "./seeded-hash.js";

const LABELS = ["Benign", "Malicious", "Abstain"] as const;

/** The user message of a chat request: the example's question. */
export function questionOf(request: ChatRequest): string {
  const user = request.messages.findLast((message) => message.role === "user");
  return typeof user?.content === "string" ? user.content : JSON.stringify(user?.content ?? null);
}

/**
 * The model's reply to a question, keyed by the question text only (never by arrival order), so two runs
 * that see the same prompts get the same replies. Some replies are fenced or prefixed, some unparsable.
 */
export function scriptedReply(question: string): string {
  const draw = seededUniform(1, question);
  const label = LABELS[Math.floor(draw * 3)]!;
  const confidence = Math.round(seededUniform(2, question) * 100) / 100;
  const json = JSON.stringify({ label, confidence, rationale: "scripted" });
  const shape = Math.floor(seededUniform(3, question) * 10);
  if (shape === 0) return `\`\`\`json\n${json}\n\`\`\``;
  if (shape === 1) return `Sure. ${json}`;
  if (shape === 2) return "I cannot tell.";
  return json;
}

/** A reply delay in ms, keyed by the question: between `minMs` and `maxMs`. */
export function scriptedDelay(question: string, minMs: number, maxMs: number): number {
  return Math.round(minMs + seededUniform(4, question) * (maxMs - minMs));
}
