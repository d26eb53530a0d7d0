import { renderQuestion, type RowAnswer } from "@sv/dataset";
import type { Candidate } from "../sampling/candidate.js";

/** One output line: the original's schema plus provenance (`file`, `line`) in `meta`. */
export interface DatasetRow {
  question: string;
  answer: RowAnswer;
  meta: {
    source: string;
    scenario: string;
    attack_family: string;
    hash: string;
    split: string;
    file: string;
    line: number;
    [key: string]: string | number;
  };
}

export interface ToDatasetRowOptions {
  candidate: Candidate;
  source: string;
  split: string;
}

/** Render a sampled flow as a dataset row; the question shows only the flow, never its label. */
export function toDatasetRow(options: ToDatasetRowOptions): DatasetRow {
  const { candidate } = options;
  return {
    question: renderQuestion(candidate.flow),
    answer: candidate.label,
    meta: {
      source: options.source,
      scenario: candidate.scenario,
      attack_family: candidate.family,
      hash: candidate.hash,
      split: options.split,
      file: candidate.file,
      line: candidate.line,
      ...candidate.extra,
    },
  };
}
