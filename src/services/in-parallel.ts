/**
 * How many messages of one scheduled slot are in flight at once. Sends to different chats go
 * side by side (the messenger keeps the sum within Teams' limits); a crash can repeat at most
 * these, since a recipient is recorded as reached only once the send has returned.
 */
export const SENDS_IN_FLIGHT_PER_SLOT = 4;

/** Maps over `items` with at most `limit` calls running at once; results keep the items' order. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
