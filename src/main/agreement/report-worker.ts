// A worker thread of report-workers.ts: reads and measures each batch of documents it is sent
// (measure-batch.ts) and sends back the batch's sums.
import { parentPort, workerData } from 'node:worker_threads'
import { measureBatch, type BatchSetup, type BatchTask } from './measure-batch'
import type { BatchReply } from './report-workers'

const setup = workerData as BatchSetup
const port = parentPort!

port.on('message', ({ batch, task }: { batch: number; task: BatchTask }) => {
  let reply: BatchReply
  try {
    reply = { batch, sums: measureBatch(setup, task) }
  } catch (error) {
    // a damaged file: the main thread measures the batch again and fails as it would have alone
    reply = { batch, error: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(reply)
})
