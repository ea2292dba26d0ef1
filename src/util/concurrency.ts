/**
 * Runs `fn` over `items` with at most `limit` calls in flight, in order of start. Used to
 * overlap file I/O with CPU work without holding every page in memory at once.
 */
export async function forEachLimit<T>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let index = 0;
  let failed: unknown;
  let hasFailed = false;
  const worker = async () => {
    for (;;) {
      if (hasFailed) return;
      const next = iterator.next();
      if (next.done) return;
      const i = index++;
      try {
        await fn(next.value, i);
      } catch (error) {
        if (!hasFailed) {
          hasFailed = true;
          failed = error;
        }
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  if (hasFailed) throw failed;
}
