// Runs tasks one after another per key (e.g. per file), so a read-check-write of one file never
// interleaves with another in this process; tasks on different keys run freely.
export class KeyedLock {
  private readonly running = new Map<string, Promise<unknown>>()

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.running.get(key) ?? Promise.resolve()
    const run = previous.catch(() => undefined).then(task)
    this.running.set(key, run)
    try {
      return await run
    } finally {
      if (this.running.get(key) === run) this.running.delete(key)
    }
  }
}
