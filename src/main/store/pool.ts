/**
 * Runs `task` over `items` with at most `limit` in flight: file I/O overlaps (libuv runs it on
 * several threads) without opening thousands of files at once. Results keep the items' order.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** How many file operations a bulk import or export keeps in flight. */
export const IO_CONCURRENCY = 16
