import type { EvaluationProgress } from "@sv/env";
import { formatUsd } from "../../cost/run-cost.js";

/** Progress plus the run's spend, which the CLI adds (the environment knows no prices). */
export interface RunProgress extends EvaluationProgress {
  /** Dollars so far; null when the price is unknown (shown as n/a); undefined: not shown. */
  costUsd?: number | null;
  /** Rollouts answered from the response cache so far. */
  cached?: number;
}

export interface ProgressReporterOptions {
  stream: { write(text: string): unknown };
  /** A terminal gets one line redrawn in place; anything else gets plain periodic lines. */
  isTTY: boolean;
  label: string;
  now?: () => number;
  /** Minimum time between updates: default 100 ms on a terminal, 10 s otherwise. */
  intervalMs?: number;
  /** Cells of the bar on a terminal (default 24; fewer when the terminal is narrow). */
  barWidth?: number;
  /**
   * The terminal's width in columns, read at each redraw (a terminal can be resized): a longer line
   * would wrap, and redrawing it in place would leave its first rows behind, so it is cut to fit.
   * Undefined: not cut.
   */
  columns?: () => number | undefined;
}

export interface ProgressReporter {
  update(progress: RunProgress): void;
  /**
   * Write a message (whole lines) during the run: on a terminal the bar is cleared first and drawn again
   * after it, so the message never lands in the middle of the bar.
   */
  log(text: string): void;
  /** Print the final state (always, whatever the interval). */
  finish(): void;
}

/** `1m05s`; `n/a` when unknown (no rollout done yet, so no rate to go by). */
function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "n/a";
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return hours > 0
    ? `${hours}h${String(minutes).padStart(2, "0")}m`
    : minutes > 0
      ? `${minutes}m${String(rest).padStart(2, "0")}s`
      : `${rest}s`;
}

interface Pace {
  percent: number;
  rate: number;
  eta: string;
}

function pace(progress: EvaluationProgress): Pace {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 && Number.isFinite(seconds) ? progress.done / seconds : 0;
  const eta = rate > 0 ? (progress.total - progress.done) / rate : Number.POSITIVE_INFINITY;
  const percent = progress.total > 0 ? Math.min(100, (100 * progress.done) / progress.total) : 100;
  return { percent, rate, eta: progress.done >= progress.total ? "0s" : duration(eta) };
}

/** ` cost $0.0123 cached 4`, or nothing when the CLI gave no cost. */
function spend(progress: RunProgress): string {
  const cost = progress.costUsd === undefined ? "" : ` cost ${formatUsd(progress.costUsd)}`;
  return `${cost}${progress.cached ? ` cached ${progress.cached}` : ""}`;
}

/** The mean reward so far; `n/a` before any rollout has been scored (none done, or every one failed). */
function meanReward(progress: EvaluationProgress): string {
  return progress.done > progress.errors && Number.isFinite(progress.meanReward)
    ? progress.meanReward.toFixed(3)
    : "n/a";
}

/** Format one progress line: done/total, rate, ETA, mean reward, errors, retries, cost. */
export function formatProgress(label: string, progress: RunProgress): string {
  const { percent, rate, eta } = pace(progress);
  return (
    `${label} ${progress.done}/${progress.total} (${percent.toFixed(0)}%) ` +
    `${rate.toFixed(1)}/s ETA ${eta} ` +
    `reward ${meanReward(progress)} errors ${progress.errors} retries ${progress.retries}` +
    (progress.rateLimitPauses ? ` rate-limit pauses ${progress.rateLimitPauses}` : "") +
    spend(progress)
  );
}

/** One terminal line with a bar: `label [█████░░░░░] 50/200 25% 5.0/s ETA 30s reward 1.235 errors 1 cost $0.01`. */
export function formatProgressBar(label: string, progress: RunProgress, width = 24): string {
  const { percent, rate, eta } = pace(progress);
  const filled = Math.min(width, Math.max(0, Math.floor((percent / 100) * width)));
  const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
  return (
    `${label} [${bar}] ${progress.done}/${progress.total} ${percent.toFixed(0)}% ` +
    `${rate.toFixed(1)}/s ETA ${eta} reward ${meanReward(progress)} errors ${progress.errors}` +
    (progress.retries ? ` retries ${progress.retries}` : "") +
    spend(progress)
  );
}

/** `line` cut to `columns - 1` characters (the last column left free, so no terminal wraps it). */
function fitLine(line: string, columns: number | undefined): string {
  if (columns === undefined || !Number.isFinite(columns) || columns < 2) return line;
  const characters = [...line];
  return characters.length < columns ? line : `${characters.slice(0, columns - 2).join("")}…`;
}

const CLEAR_LINE = "\r\x1b[2K";

/** Progress on stderr: a bar redrawn in place on a terminal, periodic plain lines otherwise. */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? (options.isTTY ? 100 : 10_000);
  let last: RunProgress | undefined;
  let lastPrinted = Number.NEGATIVE_INFINITY;
  /** A bar is on the terminal's last line (not yet ended by a newline). */
  let barShown = false;
  /** The bar line for the terminal's width: the bar gives up cells first (down to 8), then the line is cut. */
  const bar = (progress: RunProgress) => {
    const columns = options.columns?.();
    const width = options.barWidth ?? 24;
    const full = formatProgressBar(options.label, progress, width);
    const excess = columns === undefined ? 0 : [...full].length - (columns - 1);
    if (excess <= 0) return full;
    const narrower = Math.max(Math.min(8, width), width - excess);
    return fitLine(formatProgressBar(options.label, progress, narrower), columns);
  };
  const print = (progress: RunProgress) => {
    if (options.isTTY) {
      options.stream.write(`${CLEAR_LINE}${bar(progress)}`);
      barShown = true;
    } else options.stream.write(`${formatProgress(options.label, progress)}\n`);
    lastPrinted = now();
  };
  return {
    update(progress) {
      last = progress;
      if (now() - lastPrinted >= interval) print(progress);
    },
    log(text) {
      if (!barShown) {
        options.stream.write(text);
        return;
      }
      options.stream.write(`${CLEAR_LINE}${text}${text.endsWith("\n") ? "" : "\n"}`);
      options.stream.write(bar(last!));
    },
    finish() {
      if (last) print(last);
      if (options.isTTY && last) options.stream.write("\n");
      barShown = false;
    },
  };
}
