/**
 * Run `worker` over `items` with at most `limit` in flight; yield results in completion order.
 * At most `limit` finished results wait for the consumer, so memory stays bounded however many items.
 * `shouldStop` is checked before each new item starts. A worker that throws ends the pool with its
 * error once the other workers have settled.
 */
export async function* completionPool<T, R>(
  items: Iterator<T>,
  limit: number,
  worker: (item: T) => Promise<R>,
  shouldStop: () => boolean,
): AsyncGenerator<R> {
  const finished: R[] = [];
  let running = 0;
  let exhausted = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;

  const fill = (): void => {
    while (!exhausted && !failure && running < limit && finished.length < limit && !shouldStop()) {
      const next = items.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      running++;
      worker(next.value).then(
        (result) => {
          running--;
          finished.push(result);
          wake?.();
        },
        (error: unknown) => {
          running--;
          failure ??= { error };
          wake?.();
        },
      );
    }
  };

  while (true) {
    fill();
    if (finished.length > 0) {
      yield finished.shift() as R;
      continue;
    }
    if (running === 0) {
      if (failure) throw failure.error;
      return;
    }
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
  }
}
