import type { Row } from "@sv/dataset";

/**
 * One `GET /v1/prompts` line: the chat messages `pnpm eval` sends (system prompt, then the question),
 * the gold answer and the example's meta, as a verifiers-style row (`prompt`, `answer`, `info`).
 */
export function promptLine(options: { exampleId: number; row: Row; systemPrompt: string }): string {
  const { row } = options;
  return `${JSON.stringify({
    example_id: options.exampleId,
    prompt: [
      { role: "system", content: options.systemPrompt },
      { role: "user", content: row.question },
    ],
    answer: row.answer,
    info: row.meta,
  })}\n`;
}
