import { flowHash, parseContextQuestion } from "@sv/dataset";
import type { DatasetRow } from "../build/dataset-row.js";
import { listProblems, type ValidationCheck } from "./validation-check.js";

/** A dataset file as validate read it. */
export interface ContextOverlapFile {
  name: string;
  rows: readonly DatasetRow[];
}

/**
 * No context flow lets one split see another: across the context files of a build, a context flow of a
 * row must not be the question of a row in another split (a test row's earlier flow that is a train
 * question, a test question that is the earlier flow of a train row, an OOD row's earlier flow that is
 * an IoT-23 train question), nor a context flow of a row in another split (the same neighbouring flow
 * shown to train and to test). Flows are compared by content (`flowHash`). The single-flow files have
 * their own, independent splits and are not compared; `meta.context_flows` must be the number of
 * context flows the question shows.
 */
export function checkContextOverlap(options: {
  contextFiles: readonly ContextOverlapFile[];
}): ValidationCheck {
  const questions = new Map<string, { split: string; where: string }[]>();
  for (const { name, rows } of options.contextFiles)
    rows.forEach((row, index) => {
      const list = questions.get(row.meta.hash) ?? [];
      list.push({ split: row.meta.split, where: `${name}:${index + 1}` });
      questions.set(row.meta.hash, list);
    });
  const problems: string[] = [];
  const counted: string[] = [];
  const parsedRows = options.contextFiles.map(({ rows }) =>
    rows.map((row) => parseContextQuestion(row.question)),
  );
  /** Per context flow hash, the first row of each split that shows it as context. */
  const contextOf = new Map<string, Map<string, string>>();
  options.contextFiles.forEach(({ name, rows }, file) => {
    rows.forEach((row, index) => {
      for (const flow of parsedRows[file]![index]?.context ?? []) {
        const hash = flowHash(flow);
        const splits = contextOf.get(hash) ?? new Map<string, string>();
        if (!splits.has(row.meta.split)) splits.set(row.meta.split, `${name}:${index + 1}`);
        contextOf.set(hash, splits);
      }
    });
  });
  options.contextFiles.forEach(({ name, rows }, file) => {
    rows.forEach((row, index) => {
      const parsed = parsedRows[file]![index];
      if (parsed === undefined) return;
      if (row.meta.context_flows !== parsed.context.length)
        counted.push(
          `${name}:${index + 1} meta.context_flows ${String(row.meta.context_flows)}, the question shows ${parsed.context.length}`,
        );
      parsed.context.forEach((flow, position) => {
        const hash = flowHash(flow);
        for (const other of questions.get(hash) ?? [])
          if (other.split !== row.meta.split)
            problems.push(
              `${name}:${index + 1} (${row.meta.split}) context flow ${position + 1} is the ${other.split} question ${other.where}`,
            );
        // Reported once per pair of splits, from the row of the later split name.
        for (const [split, where] of contextOf.get(hash) ?? [])
          if (split < row.meta.split)
            problems.push(
              `${name}:${index + 1} (${row.meta.split}) context flow ${position + 1} is also a context flow of the ${split} row ${where}`,
            );
      });
    });
  });
  return {
    name: `context flows stay inside their split (${options.contextFiles.map((file) => file.name).join(", ")})`,
    ok: problems.length === 0 && counted.length === 0,
    detail: listProblems([...counted, ...problems]) || "none crosses a split",
  };
}
