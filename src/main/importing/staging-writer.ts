// Writes an import's staged files (one per document and one per layer: hundreds of thousands for
// a gigabyte of JSONL) on a thread of its own, while the main thread parses the next batch.
// Measured on a 100 MB import: creating the files is most of an import's system time, and each
// file written through fs/promises (open, write, close: three thread-pool round trips and their
// promises) cost about 60 µs of main-thread time on top; the synchronous calls on a thread of
// their own cost the main thread nothing and keep it (the app's main process) responsive.
//
// The thread's code is a few lines of plain JavaScript given as source (`eval`), so that it runs
// alike in the app's bundled main process, the CLI (TypeScript through tsx) and the tests,
// without a build step or a loader of its own.
import path from 'node:path'
import { Worker } from 'node:worker_threads'

const WRITER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { closeSync, mkdirSync, openSync, writeSync } = require('node:fs')
const path = require('node:path')
const madeFolders = new Set()
parentPort.on('message', ({ files, contents }) => {
  try {
    for (let i = 0; i < files.length; i++) {
      const folder = path.dirname(files[i])
      if (!madeFolders.has(folder)) {
        mkdirSync(folder, { recursive: true })
        madeFolders.add(folder)
      }
      // (a layer staged with a status only is written again when a later copy brings spans)
      const handle = openSync(files[i], 'w')
      try {
        writeSync(handle, contents[i])
      } finally {
        closeSync(handle)
      }
    }
    parentPort.postMessage({})
  } catch (error) {
    parentPort.postMessage({ error: { message: error.message, code: error.code } })
  }
})
`

interface WriterReply {
  error?: { message: string; code?: string }
}

/** A thread that writes batches of new files, one batch at a time, in order. */
export class StagingWriter {
  // (none of the process's flags: a loader such as tsx's `--import` would cost the thread time and
  // memory for nothing, and `--input-type=module` would make its CommonJS source an ES module)
  private readonly worker = new Worker(WRITER_SOURCE, { eval: true, execArgv: [] })
  private pending: { resolve: () => void; reject: (error: Error) => void } | null = null
  private failure: Error | null = null

  constructor() {
    // an idle writer never keeps the process alive (one left open by a failure is harmless)
    this.worker.unref()
    this.worker.on('message', (reply: WriterReply) => {
      const pending = this.pending
      this.pending = null
      this.worker.unref()
      if (!reply.error) pending?.resolve()
      else pending?.reject(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {}))
    })
    this.worker.on('error', (error) => this.fail(error))
    this.worker.on('exit', () => this.fail(new Error('the staging writer stopped')))
  }

  private fail(error: Error): void {
    this.failure ??= error
    const pending = this.pending
    this.pending = null
    pending?.reject(error)
  }

  /**
   * Writes the files (their folders are made as needed). Resolves once
   * all are written; one batch at a time (the caller awaits each before the next).
   */
  write(files: { file: string; content: string }[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.pending) return Promise.reject(new Error('the staging writer takes one batch at a time'))
    if (files.length === 0) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      this.pending = { resolve, reject }
      this.worker.ref()
      this.worker.postMessage({ files: files.map(({ file }) => path.resolve(file)), contents: files.map(({ content }) => content) })
    })
  }

  /** Ends the thread (after the last batch was written, or to give up). */
  async close(): Promise<void> {
    this.failure ??= new Error('the staging writer is closed')
    await this.worker.terminate()
  }
}
