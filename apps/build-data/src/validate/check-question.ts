import {
  FLOW_FIELDS,
  type FlowField,
  parseContextQuestion,
  parseQuestion,
  renderContextQuestion,
  renderQuestion,
  UNSET,
} from "@sv/dataset";
import { nonCanonicalReason } from "./field-rules.js";
import type { LeakMatcher } from "./leak-words.js";

const PREFIX = "Log Entry: ";
const KNOWN = new Set<string>(FLOW_FIELDS);

/** One problem with a question; `field` names the key when one is to blame. */
export interface QuestionProblem {
  field?: string;
  message: string;
}

/**
 * Check that a question is exactly what `renderQuestion` writes for its flow: parsed back and rendered
 * again it gives the identical text (no free text, no unknown or repeated keys, canonical order), every
 * value is canonical for its field, and no value shows a label or attack-family word.
 */
export function checkQuestion(question: string, leaks: LeakMatcher): QuestionProblem[] {
  if (question.startsWith(CONTEXT_PREFIX)) return checkContextQuestion(question, leaks);
  if (!question.startsWith(PREFIX)) return [{ message: `does not start with "${PREFIX}"` }];
  const problems = checkFields(question.slice(PREFIX.length), leaks);
  if (
    problems.length === 0 &&
    renderQuestion(parseQuestion(question), { includeTimestamp: true }) !== question
  )
    problems.push({
      message: "not the canonical rendering of its flow (field order, spacing or missing fields)",
    });
  return problems;
}

const CONTEXT_PREFIX = "Context: ";

/**
 * A context question: the header, numbered context flows and the `Log Entry:` line, each flow checked
 * like a single-flow question, and the whole text exactly what `renderContextQuestion` writes for it.
 */
function checkContextQuestion(question: string, leaks: LeakMatcher): QuestionProblem[] {
  const parsed = parseContextQuestion(question);
  if (parsed === undefined)
    return [
      {
        message:
          "a context question must be the header line, numbered context flows (1. 2. …) and a final Log Entry: line",
      },
    ];
  const lines = question.split("\n");
  const problems: QuestionProblem[] = [];
  lines.slice(1, -1).forEach((line, index) => {
    for (const problem of checkFields(line.slice(`${index + 1}. `.length), leaks))
      problems.push({ ...problem, message: `context flow ${index + 1}: ${problem.message}` });
  });
  problems.push(...checkFields(lines.at(-1)!.slice(PREFIX.length), leaks));
  if (problems.length === 0 && renderContextQuestion(parsed) !== question)
    problems.push({
      message:
        "not the canonical rendering of its context and flow (header, numbering, field order or spacing)",
    });
  return problems;
}

/** Check one `key=value, …` list: known keys once each, canonical values, no label or family word. */
function checkFields(body: string, leaks: LeakMatcher): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const seen = new Set<string>();
  for (const part of body.split(", ")) {
    const separator = part.indexOf("=");
    if (separator < 0) {
      problems.push({ message: `text that is not a key=value pair: ${JSON.stringify(part.slice(0, 60))}` });
      continue;
    }
    const key = part.slice(0, separator);
    const value = part.slice(separator + 1);
    if (!KNOWN.has(key)) {
      problems.push({ field: key, message: "unknown key" });
      continue;
    }
    if (seen.has(key)) problems.push({ field: key, message: "repeated key" });
    seen.add(key);
    const word = leaks.find(value);
    if (word !== undefined)
      problems.push({
        field: key,
        message: `value ${JSON.stringify(value)} shows the label or family word "${word}"`,
      });
    else if (value !== UNSET) {
      const reason = nonCanonicalReason(key as FlowField, value);
      if (reason) problems.push({ field: key, message: `value ${JSON.stringify(value)} is ${reason}` });
    }
  }
  return problems;
}
