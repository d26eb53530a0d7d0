import { safeNormalizeGoldAnswer } from "@sv/rubric";
import type { ResultLine } from "./result-line.js";
import { ROLLOUT_FLAGS } from "./rollout-flags.js";
import type { RolloutRow, RolloutTable } from "./rollout-table.js";

/** Options of {@link RolloutTableBuilder}. */
export interface RolloutTableBuilderOptions {
  /** Longest prompt or completion kept in full (default 1000 characters). */
  maxTextChars?: number;
}

const LABEL_CODES = { Benign: 0, Malicious: 1, Abstain: 2 } as const;
const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** Collects result lines into the compact {@link RolloutTable} a report embeds. */
export class RolloutTableBuilder {
  private readonly maxTextChars: number;
  private readonly rows: RolloutRow[] = [];
  private readonly prompts: string[] = [];
  private readonly promptIndex = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private systemPrompt: string | undefined;
  private truncated = 0;

  constructor(options: RolloutTableBuilderOptions = {}) {
    this.maxTextChars = options.maxTextChars ?? 1000;
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

  private prompt(line: ResultLine): number {
    const system = line.prompt.find((message) => message.role === "system")?.content;
    this.systemPrompt ??= system ?? "";
    const shown = line.prompt.filter(
      (message) => !(message.role === "system" && message.content === this.systemPrompt),
    );
    const text = this.cut(
      shown.length === 1 && shown[0]!.role === "user"
        ? shown[0]!.content
        : shown.map((message) => `[${message.role}] ${message.content}`).join("\n\n"),
    );
    let index = this.promptIndex.get(text);
    if (index === undefined) {
      index = this.prompts.push(text) - 1;
      this.promptIndex.set(text, index);
    }
    return index;
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
    this.rows.push([
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
      this.prompt(line),
      this.cut(line.completion),
      line.error ? this.cut(`${line.error.type}: ${line.error.message}`) : "",
    ]);
  }

  result(): RolloutTable {
    return {
      rows: this.rows,
      prompts: this.prompts,
      strings: this.strings,
      systemPrompt: this.systemPrompt ?? "",
      maxTextChars: this.maxTextChars,
      truncated: this.truncated,
    };
  }
}
