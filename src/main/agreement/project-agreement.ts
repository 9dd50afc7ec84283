// Agreement over a project on disk: chooses the raters, labels and documents the request asks
// for, reads their layers (and gold, when included), and builds the report.
import { readdir } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ChannelInput } from '../../shared/api/contract'
import type { DocumentStatus, DocumentTags } from '../../shared/model'
import { GOLD_RATER, type AgreementReport } from '../../shared/agreement/report'
import type { AlignableSpan } from '../../shared/alignment'
import { appRoot } from '../app-paths'
import { annotationsDir, idFromFileName } from '../store/layout'
import { StoreError, type ProjectStore } from '../store/project-store'
import { ReportBuilder, type AgreementDocument } from './build-report'
import { GoldStore } from '../review/gold-store'

export type AgreementRequest = ChannelInput<'agreement.report'>

/** Files read at once: enough to keep the disk busy, few enough not to exhaust file handles. */
const READ_BATCH = 64
/**
 * Longest stretch of measuring between two turns of the event loop: a batch of 64 documents
 * takes a third of a second of CPU or more, too long for a server or the app's main process to
 * leave other requests waiting.
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

export async function projectAgreement(store: ProjectStore, request: AgreementRequest): Promise<AgreementReport> {
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
  const builder = new ReportBuilder({
    raters,
    labels,
    ...(request.measures ? { measures: request.measures } : {}),
    spanwiseVersion: spanwiseVersion(),
    tagGroups: store.settings.tagGroups,
    filters: { status, includeGold }
  })
  const names = raters.join(', ') || 'none'
  if (raters.length < 2) throw new StoreError('invalid_input', `fewer than two annotators to compare (${names}): choose two or more, or include gold`)
  // read a batch, measure it a slice at a time, read the next: a server or the app's main
  // process keeps answering other requests meanwhile
  let sliceStarted = performance.now()
  for (let i = 0; i < candidates.length; i += READ_BATCH) {
    const batch = await Promise.all(candidates.slice(i, i + READ_BATCH).map((id) => readDocument(store, id, annotators, idsByAnnotator, status, includeGold)))
    for (const doc of batch) {
      if (!doc) continue
      builder.add(doc)
      if (performance.now() - sliceStarted < SLICE_MS) continue
      await nextTurn()
      sliceStarted = performance.now()
    }
  }
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

/** One document with the chosen layers, or null when it has fewer than two or fails the status filter. */
async function readDocument(
  store: ProjectStore,
  documentId: string,
  annotators: string[],
  idsByAnnotator: Set<string>[],
  status: DocumentStatus | null,
  includeGold: boolean
): Promise<AgreementDocument | null> {
  const layers: Record<string, readonly AlignableSpan[]> = {}
  const tags: Record<string, DocumentTags> = {}
  for (const [i, name] of annotators.entries()) {
    if (!idsByAnnotator[i]!.has(documentId)) continue
    const layer = await store.getLayer(documentId, name)
    // the status filter keeps documents every chosen annotator marked so
    if (status && layer.status !== status) return null
    layers[name] = layer.spans
    tags[name] = layer.tags ?? {}
  }
  if (status && Object.keys(layers).length < annotators.length) return null
  if (includeGold) {
    const gold = goldRater(new GoldStore(store), documentId)
    if (gold) {
      layers[GOLD_RATER] = gold.spans
      tags[GOLD_RATER] = gold.tags
    }
  }
  if (Object.keys(layers).length < 2) return null
  const document = await store.getDocument(documentId).catch(() => null)
  // a layer whose document has gone is left out
  return document && { documentId, title: document.title, text: document.text, layers, tags }
}

/**
 * The gold spans and document tags of a document as one more rater (read by the review's gold
 * store, the one reader of gold files), or null when it has no gold yet: no file, or a file not
 * started and empty.
 */
function goldRater(golds: GoldStore, documentId: string): { spans: AlignableSpan[]; tags: DocumentTags } | null {
  const { gold } = golds.read(documentId)
  if (gold.spans.length === 0 && gold.status === 'not_started') return null
  return { spans: gold.spans.map(({ id, start, end, label }) => ({ id, start, end, label })), tags: gold.tags ?? {} }
}
