import type { EvaluationProgress } from "@sv/env";

export interface ProgressReporterOptions {
  stream: { write(text: string): unknown };
  /** A terminal gets one line redrawn in place; anything else gets plain periodic lines. */
  isTTY: boolean;
  label: string;
  now?: () => number;
  /** Minimum time between updates: default 100 ms on a terminal, 10 s otherwise. */
  intervalMs?: number;
}

export interface ProgressReporter {
  update(progress: EvaluationProgress): void;
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

/** Format one progress line: done/total, rate, ETA, mean reward, errors, retries. */
export function formatProgress(label: string, progress: EvaluationProgress): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.done / seconds : 0;
  const eta = rate > 0 ? (progress.total - progress.done) / rate : Number.POSITIVE_INFINITY;
  const percent = progress.total > 0 ? (100 * progress.done) / progress.total : 100;
  return (
    `${label} ${progress.done}/${progress.total} (${percent.toFixed(0)}%) ` +
    `${rate.toFixed(1)}/s ETA ${progress.done >= progress.total ? "0s" : duration(eta)} ` +
    // Before any rollout has been scored (none done, or every one failed) the mean reward is undefined.
    `reward ${progress.done > progress.errors ? progress.meanReward.toFixed(3) : "n/a"} errors ${progress.errors} retries ${progress.retries}` +
    (progress.rateLimitPauses ? ` rate-limit pauses ${progress.rateLimitPauses}` : "")
  );
}

/** Progress on stderr: redrawn in place on a terminal, periodic plain lines otherwise. */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? (options.isTTY ? 100 : 10_000);
  let last: EvaluationProgress | undefined;
  let lastPrinted = Number.NEGATIVE_INFINITY;
  const print = (progress: EvaluationProgress) => {
    const line = formatProgress(options.label, progress);
    options.stream.write(options.isTTY ? `\r\x1b[2K${line}` : `${line}\n`);
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
