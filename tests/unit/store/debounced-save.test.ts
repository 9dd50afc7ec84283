// A derived cache is written once after a burst of changes, at once when the project closes,
// and a write that fails (a read-only folder) costs nothing but the cache.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DebouncedSave } from '../../../src/main/store/debounced-save'

afterEach(() => {
  vi.useRealTimers()
})

describe('DebouncedSave', () => {
  it('writes once, a delay after the last of a burst of changes', () => {
    vi.useFakeTimers()
    let writes = 0
    const saving = new DebouncedSave(3_000, () => writes++)
    saving.schedule()
    vi.advanceTimersByTime(2_000)
    saving.schedule()
    vi.advanceTimersByTime(2_000)
    expect(writes).toBe(0)
    vi.advanceTimersByTime(1_000)
    expect(writes).toBe(1)
    vi.advanceTimersByTime(10_000)
    expect(writes).toBe(1)
  })

  it('writes at once when flushed, and not again at the delay; a failing write is dropped', () => {
    vi.useFakeTimers()
    let writes = 0
    const saving = new DebouncedSave(3_000, () => {
      writes++
      throw new Error('EROFS: read-only file system')
    })
    saving.schedule()
    expect(() => saving.flush()).not.toThrow()
    expect(writes).toBe(1)
    vi.advanceTimersByTime(5_000)
    expect(writes).toBe(1)
  })
})
