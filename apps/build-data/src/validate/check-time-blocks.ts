import type { DatasetRow } from "../build/dataset-row.js";
import { type CaptureTimeBlocks, lookBackFrom, timeBlockOf } from "../context/time-block-split.js";
import { listProblems, type ValidationCheck } from "./validation-check.js";

/** The part of a context manifest section this check reads. */
export interface TimeBlockSection {
  split_strategy?: unknown;
  window_seconds?: unknown;
  time_blocks?: unknown;
}

/**
 * A context set split by time (`split_strategy: "time"`): each capture's blocks in the manifest are at
 * least the context window apart, and every row's start (`meta.ts`) lies in the block of its split.
 * Undefined for other strategies.
 */
export function checkTimeBlocks(options: {
  rows: readonly DatasetRow[];
  section: TimeBlockSection | undefined;
  name: string;
}): ValidationCheck | undefined {
  const { rows, section, name } = options;
  if (section?.split_strategy !== "time") return undefined;
  const window = section.window_seconds;
  const blocks = (section.time_blocks ?? {}) as Record<string, CaptureTimeBlocks>;
  const problems: string[] = [];
  if (section.time_blocks === undefined && rows.length > 0)
    return {
      name: `${name}: rows inside their time blocks, blocks a window apart`,
      ok: false,
      detail:
        "the manifest records no time_blocks: the set was split by time without gaps (an older build-data); rebuild it",
    };
  if (typeof window !== "number" || !(window > 0)) problems.push(`window_seconds ${String(window)}`);
  for (const [scenario, block] of Object.entries(blocks)) {
    const gaps = [block.dev_from - block.train_before, block.test_from - block.dev_before];
    if (typeof window === "number" && !gaps.every((gap) => gap >= window))
      problems.push(`${scenario}: blocks ${gaps.join(" s and ")} s apart, less than the ${window} s window`);
  }
  rows.forEach((row, index) => {
    const where = `${name}:${index + 1}`;
    const start = row.meta.ts;
    const block = blocks[row.meta.scenario];
    if (typeof start !== "number" || !Number.isFinite(start)) problems.push(`${where} meta.ts missing`);
    else if (block === undefined) problems.push(`${where} capture ${row.meta.scenario} has no time blocks`);
    else if (timeBlockOf(block, start) !== row.meta.split)
      problems.push(
        `${where} (${row.meta.split}) starts at ${start}, in the ${timeBlockOf(block, start) ?? "gap"} block of ${row.meta.scenario}`,
      );
    else if (row.meta.look_back_from !== lookBackFrom(block, row.meta.split))
      problems.push(
        `${where} (${row.meta.split}) meta.look_back_from ${String(row.meta.look_back_from)}, expected ${String(lookBackFrom(block, row.meta.split))}`,
      );
  });
  return {
    name: `${name}: rows inside their time blocks, blocks a window apart`,
    ok: problems.length === 0,
    detail: listProblems(problems) || `${Object.keys(blocks).length} capture(s)`,
  };
}
