// Agreement over a project on disk: chooses the raters, labels and documents the request asks
// for, reads their layers (and gold, when included), and builds the report.
import { readdir } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ChannelInput } from '../../shared/api/contract'
import { GOLD_RATER, type AgreementReport } from '../../shared/agreement/report'
import { appRoot } from '../app-paths'
import { annotationsDir, idFromFileName } from '../store/layout'
import { StoreError, type ProjectStore } from '../store/project-store'
import { readAgreementDocument, type GoldRater } from './agreement-reader'
import { ReportBuilder, type BatchSums } from './build-report'
import type { BatchSetup, BatchTask } from './measure-batch'
import { ReportCache, type PlannedBatch } from './report-cache'
import { defaultWorkerCount, MIN_DOCUMENTS_FOR_WORKERS, ReportWorkers } from './report-workers'
import { GoldStore } from '../review/gold-store'

export type AgreementRequest = ChannelInput<'agreement.report'>

/** Documents a batch without the cache (which cuts its own): a worker's unit of work. */
const READ_BATCH = 64
/**
 * Longest stretch of measuring in the main thread between two turns of the event loop: a
 * document takes a millisecond or two, and a server or the app's main process must not leave
 * other requests waiting for longer than this.
 */
const SLICE_MS = 20

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

let version: string | undefined
export function spanwiseVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version
  return version
}

async function layerIds(folder: string, annotator: string): Promise<Set<string>> {
  const files = await readdir(annotationsDir(folder, annotator)).catch(() => [] as string[])
  return new Set(files.map(idFromFileName).filter((id): id is string => id !== null))
}

export interface MeasuringOptions {
  /**
   * Worker threads that measure the spans: a number (0 = this thread, whatever the size), or by
   * default one per core once the project is big enough for them to pay off.
   */
  workers?: number
  /** Whether batches' sums are kept in and read from the project's cache (default: yes). */
  cache?: boolean
  /** Filled in with what the report read from the cache and what it measured (the bench and tests show it). */
  stats?: MeasuringStats
}

export interface MeasuringStats {
  batches: number
  fromCache: number
  measuredDocuments: number
  workers: number
}

export async function projectAgreement(store: ProjectStore, request: AgreementRequest, measuring: MeasuringOptions = {}): Promise<AgreementReport> {
  const known = await store.annotators()
  const annotators = request.annotators?.length ? [...new Set(request.annotators)] : known
  const unknown = annotators.filter((name) => !known.includes(name))
  if (unknown.length) throw new StoreError('invalid_input', `no layers by ${unknown.join(', ')} in this project (annotators: ${known.join(', ') || 'none'})`)
  const includeGold = request.includeGold ?? false
  if (includeGold && annotators.includes(GOLD_RATER)) throw new StoreError('invalid_input', `an annotator is named "${GOLD_RATER}", the name gold takes as a rater`)
  const labelNames = store.settings.labels.map((label) => label.name)
  const labels = request.labels?.length ? [...new Set(request.labels)] : labelNames
  const unknownLabels = labels.filter((label) => !labelNames.includes(label))
  if (unknownLabels.length) throw new StoreError('invalid_input', `no label ${unknownLabels.join(', ')} in this project (labels: ${labelNames.join(', ')})`)

  const idsByAnnotator = await Promise.all(annotators.map((name) => layerIds(store.folder, name)))
  const candidates = [...new Set(idsByAnnotator.flatMap((ids) => [...ids]))].sort()
  const status = request.status ?? null
  const raters = includeGold ? [...annotators, GOLD_RATER] : annotators
  const names = raters.join(', ') || 'none'
  if (raters.length < 2) throw new StoreError('invalid_input', `fewer than two annotators to compare (${names}): choose two or more, or include gold`)
  const setup: BatchSetup = {
    report: {
      raters,
      labels,
      ...(request.measures ? { measures: request.measures } : {}),
      spanwiseVersion: spanwiseVersion(),
      tagGroups: store.settings.tagGroups,
      filters: { status, includeGold }
    },
    reading: { folder: store.folder, config: store.settings, annotators, status }
  }
  const builder = new ReportBuilder(setup.report)
  const golds = includeGold ? new GoldStore(store) : null
  const goldOf = (ids: string[]) => golds && ids.map((id) => goldRater(golds, id))
  const cache = measuring.cache === false ? null : new ReportCache(store.folder, setup, includeGold, spanwiseVersion())
  const batches = cache ? cache.plan(candidates) : inBatches(candidates)
  const toMeasure = cache ? batches.filter((batch) => !cache.has(batch.key)) : batches
  const documentsToMeasure = toMeasure.reduce((sum, batch) => sum + batch.documentIds.length, 0)
  const workerCount = measuring.workers ?? (documentsToMeasure >= MIN_DOCUMENTS_FOR_WORKERS ? defaultWorkerCount() : 0)
  const workers = workerCount > 0 ? new ReportWorkers(setup, workerCount) : null
  const stats = measuring.stats ?? ({} as MeasuringStats)
  Object.assign(stats, { batches: batches.length, fromCache: 0, measuredDocuments: 0, workers: workerCount })
  try {
    // a few batches ahead of the merge, so that no worker waits; merged in order, so memory stays flat
    const ahead: Promise<BatchSums>[] = []
    let sliceStarted = performance.now()
    const mergeOldest = async () => {
      builder.mergeBatch(await ahead.shift()!)
      // batches read from the cache are merged back to back: let other requests in between
      if (performance.now() - sliceStarted < SLICE_MS) return
      await nextTurn()
      sliceStarted = performance.now()
    }
    for (const { documentIds, key } of batches) {
      const cached = cache?.read(key)
      if (cached) {
        stats.fromCache++
        ahead.push(Promise.resolve(cached))
      } else {
        stats.measuredDocuments += documentIds.length
        const task = { documentIds, gold: goldOf(documentIds) }
        const measured = (workers ? workers.measure(task) : measureSliced(setup, task)).then((sums) => {
          cache?.write(key, sums)
          return sums
        })
        // a failure is seen when the batch is merged; this keeps it from going unobserved meanwhile
        measured.catch(() => {})
        ahead.push(measured)
      }
      while (ahead.length > (workers?.count ?? 0) * 2) await mergeOldest()
    }
    while (ahead.length) await mergeOldest()
  } finally {
    await workers?.close()
  }
  cache?.prune(batches)
  if (builder.documents === 0) {
    throw new StoreError(
      'invalid_input',
      status
        ? `no document that every chosen annotator (${names}) marked ${status}: nothing to compare`
        : `fewer than two of the chosen annotators (${names}) have layers for the same document: nothing to compare`
    )
  }
  return builder.finish()
}

/** Consecutive batches of READ_BATCH documents (without a cache, whose batches are cut by id). */
function inBatches(documentIds: string[]): PlannedBatch[] {
  const batches: PlannedBatch[] = []
  for (let i = 0; i < documentIds.length; i += READ_BATCH) batches.push({ documentIds: documentIds.slice(i, i + READ_BATCH), key: '' })
  return batches
}

/**
 * Reads and measures a batch in this thread, a slice of time at a time: a server or the app's
 * main process keeps answering other requests meanwhile.
 */
async function measureSliced(setup: BatchSetup, task: BatchTask): Promise<BatchSums> {
  const builder = new ReportBuilder(setup.report)
  let sliceStarted = performance.now()
  for (const [i, documentId] of task.documentIds.entries()) {
    const doc = readAgreementDocument(setup.reading, documentId, task.gold?.[i] ?? null)
    if (doc) builder.add(doc)
    if (performance.now() - sliceStarted < SLICE_MS) continue
    await nextTurn()
    sliceStarted = performance.now()
  }
  return builder.batchSums()
}

/**
 * The gold spans and document tags of a document as one more rater (read by the review's gold
 * store, the one reader of gold files), or null when it has no gold yet: no file, or a file not
 * started and empty.
 */
function goldRater(golds: GoldStore, documentId: string): GoldRater | null {
  const { gold } = golds.read(documentId)
  if (gold.spans.length === 0 && gold.status === 'not_started') return null
  return { spans: gold.spans.map(({ id, start, end, label }) => ({ id, start, end, label })), tags: gold.tags ?? {} }
}
