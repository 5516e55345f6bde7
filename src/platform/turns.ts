/**
 * Resolves after one turn of the event loop, so other requests run between
 * stretches of synchronous work: better-sqlite3 answers synchronously, so a
 * long gathering or export would otherwise hold every other request until it
 * ends (issue 17).
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * For a long loop of synchronous steps: `await turns()` after each step gives
 * the event loop a turn once `ms` of work has passed since the last, so the
 * loop holds other requests for at most about `ms` at a time while cheap
 * steps do not each pay for a turn.
 */
export function turnsEvery(ms = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < ms) return;
    await nextTurn();
    since = performance.now();
  };
}

/**
 * `run` on `items`, `size` at a time (a statement per chunk: a list of ids
 * too long for one), giving the event loop a turn every few milliseconds
 * between chunks. Returns every chunk's results, in order.
 */
export async function inChunks<K, T>(
  items: readonly K[],
  size: number,
  run: (chunk: K[]) => Promise<readonly T[]>,
): Promise<T[]> {
  const turns = turnsEvery();
  const out: T[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await run(items.slice(i, i + size))));
    await turns();
  }
  return out;
}
