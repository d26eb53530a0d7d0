import { safeNormalizeGoldAnswer } from "@sv/rubric";
import type { ResultLine } from "./result-line.js";
import { ROLLOUT_FLAGS } from "./rollout-flags.js";
import { TopN } from "./top-n.js";
import type { RolloutRow, RolloutTable } from "./rollout-table.js";

/** Options of {@link RolloutTableBuilder}. */
export interface RolloutTableBuilderOptions {
  /** Longest prompt or completion kept in full (default 1000 characters). */
  maxTextChars?: number;
  /**
   * Most rollouts embedded (default 50,000), so memory and file size stay bounded however long the run.
   * Beyond it the table keeps flagged rollouts (wrong, missed, abstained, format or request errors) first,
   * then a deterministic sample of the rest.
   */
  maxRows?: number;
}

/** A row kept for the table, with its raw prompt text (interned at the end). */
interface PendingRow {
  row: RolloutRow;
  prompt: string;
}

/** A fixed pseudo-random rank per rollout (splitmix-style), so sampling does not depend on arrival order. */
function rank(exampleId: string | number, rolloutIndex: number): number {
  let value = (typeof exampleId === "number" ? exampleId : hashText(exampleId)) * 1_048_576 + rolloutIndex;
  value = Math.imul((value ^ (value >>> 16)) >>> 0, 0x45d9f3b);
  value = Math.imul((value ^ (value >>> 16)) >>> 0, 0x45d9f3b);
  return ((value ^ (value >>> 16)) >>> 0) / 4294967296;
}

function hashText(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

const LABEL_CODES = { Benign: 0, Malicious: 1, Abstain: 2 } as const;
const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** Collects result lines into the compact {@link RolloutTable} a report embeds. */
export class RolloutTableBuilder {
  private readonly maxTextChars: number;
  private readonly kept: TopN<PendingRow>;
  private total = 0;
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private systemPrompt: string | undefined;
  private truncated = 0;
  private judged = false;

  constructor(options: RolloutTableBuilderOptions = {}) {
    this.maxTextChars = options.maxTextChars ?? 1000;
    this.kept = new TopN(options.maxRows ?? 50_000);
  }

  private cut(text: string): string {
    if (text.length <= this.maxTextChars) return text;
    this.truncated++;
    return `${text.slice(0, this.maxTextChars)}\u2026 [truncated: ${text.length} characters in all]`;
  }

  private intern(name: string): number {
    let index = this.stringIndex.get(name);
    if (index === undefined) {
      index = this.strings.push(name) - 1;
      this.stringIndex.set(name, index);
    }
    return index;
  }

  private promptText(line: ResultLine): string {
    const system = line.prompt.find((message) => message.role === "system")?.content;
    this.systemPrompt ??= system ?? "";
    const shown = line.prompt.filter(
      (message) => !(message.role === "system" && message.content === this.systemPrompt),
    );
    return this.cut(
      shown.length === 1 && shown[0]!.role === "user"
        ? shown[0]!.content
        : shown.map((message) => `[${message.role}] ${message.content}`).join("\n\n"),
    );
  }

  add(line: ResultLine, family: string, source: string): void {
    const gold = safeNormalizeGoldAnswer(line.answer) === "Malicious" ? 1 : 0;
    const label = line.parsed.label === null ? -1 : LABEL_CODES[line.parsed.label];
    let flags = 0;
    if ((label === 0 || label === 1) && label !== gold) flags |= ROLLOUT_FLAGS.wrong;
    if (gold === 1 && label === 0) flags |= ROLLOUT_FLAGS.missedAttack;
    if (label === 2) flags |= ROLLOUT_FLAGS.abstained;
    if (line.metrics.format < 1) flags |= ROLLOUT_FLAGS.formatError;
    if (line.error) flags |= ROLLOUT_FLAGS.requestError;
    if (label === -1) flags |= ROLLOUT_FLAGS.noLabel;
    const judge = line.judge;
    if (judge && judge.score !== null && (judge.score === 1) !== (line.metrics.accuracy === 1)) {
      flags |= ROLLOUT_FLAGS.judgeDisagrees;
    }
    this.total++;
    // Flagged rollouts outrank the rest; a fixed pseudo-random rank orders each group.
    const priority = (flags !== 0 ? 1 : 0) + rank(line.example_id, line.rollout_index);
    if (!this.kept.admits(priority)) return;
    const row: RolloutRow = [
      line.example_id,
      line.rollout_index,
      gold,
      label,
      round(line.parsed.confidence),
      round(line.reward),
      round(line.metrics.accuracy),
      round(line.metrics.format),
      round(line.metrics.calibration),
      round(line.metrics.asymmetric_cost),
      flags,
      this.intern(family),
      this.intern(source),
      -1,
      this.cut(line.transcript ?? line.completion),
      line.error ? this.cut(`${line.error.type}: ${line.error.message}`) : "",
    ];
    if (judge) {
      this.judged = true;
      row.push(
        judge.score ?? -2,
        this.cut(judge.error ? `${judge.error.type}: ${judge.error.message}` : (judge.reply ?? "")),
      );
    }
    this.kept.add({ row, prompt: this.promptText(line) }, priority);
  }

  result(): RolloutTable {
    const kept = this.kept
      .items()
      .sort(
        (a, b) =>
          Number(a.row[0]) - Number(b.row[0]) ||
          String(a.row[0]).localeCompare(String(b.row[0])) ||
          a.row[1] - b.row[1],
      );
    const prompts: string[] = [];
    const promptIndex = new Map<string, number>();
    const rows = kept.map(({ row, prompt }) => {
      let index = promptIndex.get(prompt);
      if (index === undefined) {
        index = prompts.push(prompt) - 1;
        promptIndex.set(prompt, index);
      }
      row[13] = index;
      return row;
    });
    return {
      rows,
      totalRows: this.total,
      prompts,
      strings: this.strings,
      systemPrompt: this.systemPrompt ?? "",
      maxTextChars: this.maxTextChars,
      truncated: this.truncated,
      ...(this.judged ? { judged: true as const } : {}),
    };
  }
}
