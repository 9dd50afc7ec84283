// One batch of a report's documents, read and measured: what a worker thread does with each
// batch it is sent (report-worker.ts), and what the main thread does with a batch no worker could
// take. Both read the files themselves, so only document ids travel to a worker and only sums
// come back.
import { readAgreementDocument, type GoldRater, type ReadingSetup } from './agreement-reader'
import { ReportBuilder, type BatchSums, type ReportOptions } from './build-report'

/** What every batch of one report shares (plain data: it is a worker's workerData). */
export interface BatchSetup {
  report: ReportOptions
  reading: ReadingSetup
}

export interface BatchTask {
  documentIds: string[]
  /** Each document's gold rater (read in the main thread by the gold store), when gold takes part. */
  gold: (GoldRater | null)[] | null
}

export function measureBatch(setup: BatchSetup, task: BatchTask): BatchSums {
  const builder = new ReportBuilder(setup.report)
  task.documentIds.forEach((documentId, i) => {
    const doc = readAgreementDocument(setup.reading, documentId, task.gold?.[i] ?? null)
    if (doc) builder.add(doc)
  })
  return builder.batchSums()
}
