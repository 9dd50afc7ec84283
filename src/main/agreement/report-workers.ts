// Reads and measures batches of documents on worker threads, so a big project's agreement uses
// every core and leaves the main process (the app's window, the server) free. Only document ids
// go to a worker (it reads the files itself) and only sums come back (ReportBuilder.batchSums),
// which the caller merges in batch order: the same report as one thread gives (γ's chance samples
// draw from the documents in order). A worker that cannot start, dies, or fails a batch hands
// its batches back to be measured in this thread: at worst slower, and a damaged file fails the
// report here exactly as it would have without workers.
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { appRoot } from '../app-paths'
import type { BatchSums } from './build-report'
import { measureBatch, type BatchSetup, type BatchTask } from './measure-batch'

export type BatchReply = { batch: number; sums: BatchSums } | { batch: number; error: string }

/** Below this many documents a report takes less time than starting the workers. */
export const MIN_DOCUMENTS_FOR_WORKERS = 400

/**
 * The worker's script: the TypeScript source through tsx when this module runs from source (the
 * CLI, `spanwise serve`, tests), else the bundle electron-vite builds beside main.js.
 */
function workerScript(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./report-worker-source.mjs', import.meta.url)
  return pathToFileURL(path.join(appRoot, 'out', 'main', 'report-worker.js'))
}

/** Workers for a machine: one per core, at most four. */
export function defaultWorkerCount(): number {
  return Math.min(4, os.availableParallelism())
}

interface Pending {
  task: BatchTask
  resolve(sums: BatchSums): void
  reject(error: Error): void
}

interface Thread {
  worker: Worker
  pending: Map<number, Pending>
  alive: boolean
}

export class ReportWorkers {
  private readonly threads: Thread[]
  private nextBatch = 0
  /** Batches measured in this thread because no worker could (shown by tests). */
  measuredHere = 0

  constructor(
    private readonly setup: BatchSetup,
    count: number = defaultWorkerCount(),
    script: URL = workerScript()
  ) {
    this.threads = Array.from({ length: count }, () => this.startThread(script))
  }

  get count(): number {
    return this.threads.length
  }

  private startThread(script: URL): Thread {
    const worker = new Worker(script, { workerData: this.setup })
    const thread: Thread = { worker, pending: new Map(), alive: true }
    worker.on('message', (reply: BatchReply) => {
      const pending = thread.pending.get(reply.batch)
      if (!pending) return
      thread.pending.delete(reply.batch)
      if ('error' in reply) this.measureHere(pending)
      else pending.resolve(reply.sums)
    })
    const fail = (error?: unknown) => {
      if (!thread.alive) return
      thread.alive = false
      // slower, not wrong: say so where an operator looks
      console.warn(`spanwise: an agreement worker stopped (${error instanceof Error ? error.message : `exit code ${String(error)}`}); its documents are measured in the main thread`)
      for (const pending of thread.pending.values()) this.measureHere(pending)
      thread.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', fail)
    return thread
  }

  /** The sums of these documents, read and measured by the least busy worker. */
  measure(task: BatchTask): Promise<BatchSums> {
    return new Promise<BatchSums>((resolve, reject) => {
      const pending: Pending = { task, resolve, reject }
      const live = this.threads.filter((thread) => thread.alive)
      if (live.length === 0) return this.measureHere(pending)
      const thread = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
      const batch = this.nextBatch++
      thread.pending.set(batch, pending)
      thread.worker.postMessage({ batch, task })
    })
  }

  private measureHere(pending: Pending): void {
    this.measuredHere++
    try {
      pending.resolve(measureBatch(this.setup, pending.task))
    } catch (error) {
      pending.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }

  /** Stops the workers (every caller does, in a finally: a live worker keeps a process running). */
  async close(): Promise<void> {
    await Promise.all(
      this.threads.map((thread) => {
        thread.alive = false
        return thread.worker.terminate()
      })
    )
  }
}
