import { MODEL_ERROR_KINDS, ModelCallError } from "@sv/env";

/**
 * One spending limit that several wrapped models draw on (the evaluated model and the judge), so that
 * `--max-cost` covers the run's whole spend: what is spent, what requests in flight have reserved, and a
 * signal for requests waiting for those to settle.
 */
export interface SpendingBudget {
  readonly limitUsd: number;
  /** Dollars spent so far (including a resumed run's earlier spend). */
  spentUsd: number;
  /** Dollars reserved by requests in flight (their worst cases). */
  reservedUsd: number;
  /** Requests holding a reservation (a count, so float residue in `reservedUsd` never makes one wait forever). */
  inFlight: number;
  /** Resolves once a request in flight settles, or rejects (`aborted`) when `signal` aborts. */
  waitForSettled(signal: AbortSignal | undefined): Promise<void>;
  /** Wake the requests waiting in {@link waitForSettled}. */
  notifySettled(): void;
}

/** Options of {@link createSpendingBudget}. */
export interface CreateSpendingBudgetOptions {
  limitUsd: number;
  /** Dollars already spent (a resumed run's earlier rollouts, model and judge). */
  spentUsd?: number;
}

/** A fresh {@link SpendingBudget} of `limitUsd`, with `spentUsd` already spent. */
export function createSpendingBudget(options: CreateSpendingBudgetOptions): SpendingBudget {
  let waiters: (() => void)[] = [];
  const aborted = () => new ModelCallError({ kind: MODEL_ERROR_KINDS.aborted, message: "aborted" });
  return {
    limitUsd: options.limitUsd,
    spentUsd: options.spentUsd ?? 0,
    reservedUsd: 0,
    inFlight: 0,
    waitForSettled(signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(aborted());
          return;
        }
        const onAbort = () => reject(aborted());
        signal?.addEventListener("abort", onAbort, { once: true });
        waiters.push(() => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        });
      });
    },
    notifySettled() {
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
  };
}
