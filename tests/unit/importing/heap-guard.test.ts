// The heap guard keeps a long import's memory flat without collecting in vain: once more than
// its soft limit is alive (a gigabyte's import holds the ids it staged), it collects again only
// after real growth, not at every batch (a 1 GB commit spent a third of its CPU time so).
import { PerformanceObserver } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { keepHeapSmall } from '../../../src/main/importing/heap-guard'

/** Major (mark-compact) collections while `run` runs. */
async function majorCollections(run: () => void): Promise<number> {
  let count = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === 4) count++
  })
  observer.observe({ entryTypes: ['gc'] })
  run()
  // gc entries are delivered asynchronously
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()
  return count
}

describe('the heap guard', () => {
  it('collects when the heap passes its limit, then not again until the heap has grown', async () => {
    // about 200 MB alive: past the 128 MiB soft limit
    const alive = Array.from({ length: 200 }, () => new Array(128 * 1024).fill(0).map((_, i) => i + 0.5))
    const first = await majorCollections(() => keepHeapSmall())
    expect(first).toBeGreaterThanOrEqual(1)
    // nothing grew: ten more batches cost no collection
    const again = await majorCollections(() => {
      for (let batch = 0; batch < 10; batch++) keepHeapSmall()
    })
    expect(again).toBe(0)
    // 100 MB more alive: the next batch collects
    alive.push(...Array.from({ length: 100 }, () => new Array(128 * 1024).fill(0).map((_, i) => i + 0.5)))
    expect(await majorCollections(() => keepHeapSmall())).toBeGreaterThanOrEqual(1)
    expect(alive).toHaveLength(300)
  }, 60_000)
})
