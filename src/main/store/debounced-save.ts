// A derived cache's write to disk, put off until its owner has been idle for a while: a burst
// of changes (an import, a label change, the background check after a restart) costs one write.
// The write is also made at once when the app closes the project (`flush`). A write that fails
// (a read-only project folder) is dropped: the cache is derived data, rebuilt at the next start.

export class DebouncedSave {
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly delayMs: number,
    private readonly write: () => void
  ) {}

  /** Something changed: the write happens `delayMs` after the last such call. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.flush(), this.delayMs)
    // a pending write keeps no process alive: a one-shot command exits without waiting for it
    this.timer.unref()
  }

  /** Writes now (the project is closing, or the timer fired); whatever the write throws is dropped. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    try {
      this.write()
    } catch {
      // a read-only project folder works fine without its caches
    }
  }
}
