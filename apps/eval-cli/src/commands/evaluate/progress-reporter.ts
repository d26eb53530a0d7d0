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
  /** Cells of the bar on a terminal (default 24). */
  barWidth?: number;
}

export interface ProgressReporter {
  update(progress: RunProgress): void;
  /** Print the final state (always, whatever the interval). */
  finish(): void;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
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
  const rate = seconds > 0 ? progress.done / seconds : 0;
  const eta = rate > 0 ? (progress.total - progress.done) / rate : Number.POSITIVE_INFINITY;
  const percent = progress.total > 0 ? (100 * progress.done) / progress.total : 100;
  return { percent, rate, eta: progress.done >= progress.total ? "0s" : duration(eta) };
}

/** ` cost $0.0123 cached 4`, or nothing when the CLI gave no cost. */
function spend(progress: RunProgress): string {
  const cost = progress.costUsd === undefined ? "" : ` cost ${formatUsd(progress.costUsd)}`;
  return `${cost}${progress.cached ? ` cached ${progress.cached}` : ""}`;
}

/** The mean reward so far; `n/a` before any rollout has been scored (none done, or every one failed). */
function meanReward(progress: EvaluationProgress): string {
  return progress.done > progress.errors ? progress.meanReward.toFixed(3) : "n/a";
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

/** Progress on stderr: a bar redrawn in place on a terminal, periodic plain lines otherwise. */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? (options.isTTY ? 100 : 10_000);
  let last: RunProgress | undefined;
  let lastPrinted = Number.NEGATIVE_INFINITY;
  const print = (progress: RunProgress) => {
    options.stream.write(
      options.isTTY
        ? `\r\x1b[2K${formatProgressBar(options.label, progress, options.barWidth)}`
        : `${formatProgress(options.label, progress)}\n`,
    );
    lastPrinted = now();
  };
  return {
    update(progress) {
      last = progress;
      if (now() - lastPrinted >= interval) print(progress);
    },
    finish() {
      if (last) print(last);
      if (options.isTTY && last) options.stream.write("\n");
    },
  };
}
