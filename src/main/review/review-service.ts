// The review channels' work: the list of documents to review, one document to adjudicate, the
// automatic merge over many documents, and each annotator's feedback against gold.
import type { FeedbackDocument, FeedbackReport, MergeReport, ReviewDocument, ReviewDocumentRow } from '../../shared/api/contract'
import {
  feedbackFor,
  isOpen,
  isOpenConflict,
  meanPairwiseF1,
  mergeDocument,
  reviewUnits,
  totalFeedback,
  type Decider,
  type MergeOptions
} from '../../shared/review'
import { StoreError } from '../store/errors'
import type { ProjectStore } from '../store/project-store'
import type { AnnotationLayer } from '../../shared/model'
import { GOLD_ABSENT_VERSION, type GoldStore, type VersionedGold } from './gold-store'
import { layersOnDisk, readGold, reviewCandidates, type ReviewFilter } from './review-selection'

/** A row's computed numbers, and what they were computed from. */
interface RowNumbers {
  stamp: string
  units: number
  openConflicts: number
  openUnits: number
  agreement: number | null
}

/**
 * Remembers each document's computed numbers (units, conflicts, agreement) with a stamp of what
 * they came from: every layer's annotator, save time and sizes, and the gold file's version. The
 * files are still read on every listing (another process may have changed them); only the
 * alignment is skipped when the stamp is the same. Derived data, in memory only.
 */
export class ReviewListCache {
  private readonly rows = new Map<string, RowNumbers>()

  numbers(documentId: string, layers: AnnotationLayer[], gold: VersionedGold): RowNumbers {
    const stamp = [gold.version, ...layers.map((l) => `${l.annotator}:${l.updatedAt}:${l.spans.length}:${l.relations.length}`)].join('|')
    const known = this.rows.get(documentId)
    if (known?.stamp === stamp) return known
    const units = reviewUnits(layers, gold.gold)
    const numbers = {
      stamp,
      units: units.length,
      openConflicts: units.filter(isOpenConflict).length,
      openUnits: units.filter(isOpen).length,
      agreement: meanPairwiseF1(layers)
    }
    this.rows.set(documentId, numbers)
    return numbers
  }
}

export async function listReviewDocuments(
  store: ProjectStore,
  goldStore: GoldStore,
  filter: ReviewFilter,
  cache = new ReviewListCache()
): Promise<ReviewDocumentRow[]> {
  const rows: ReviewDocumentRow[] = []
  for await (const { documentId, layers, gold } of reviewCandidates(store, goldStore, filter)) {
    const row: ReviewDocumentRow = {
      id: documentId,
      ...(await store.documentListing(documentId)),
      annotators: layers.map((layer) => ({ name: layer.annotator, status: layer.status, spanCount: layer.spans.length })),
      units: 0,
      openConflicts: 0,
      openUnits: 0,
      agreement: null,
      reviewStatus: 'not_started'
    }
    if ('problem' in gold) Object.assign(row, { problem: gold.problem, agreement: meanPairwiseF1(layers) })
    else {
      const { units, openConflicts, openUnits, agreement } = cache.numbers(documentId, layers, gold)
      Object.assign(row, { units, openConflicts, openUnits, agreement, reviewStatus: gold.gold.status })
    }
    rows.push(row)
  }
  return rows
}

export async function openReviewDocument(store: ProjectStore, goldStore: GoldStore, documentId: string, annotators?: string[]): Promise<ReviewDocument> {
  const document = await store.getDocument(documentId)
  const present = await layersOnDisk(store, annotators)
  // chosen annotators are shown even without a layer (an empty lane); by default, those with one
  const names = annotators ?? [...present].filter(([, ids]) => ids.has(documentId)).map(([name]) => name)
  const layers = await Promise.all(names.map((annotator) => store.getLayer(documentId, annotator)))
  const { gold, version } = goldStore.read(documentId)
  return { document, layers, gold, goldVersion: version }
}

export interface ProjectMergeOptions extends Omit<MergeOptions, 'by'> {
  filter: ReviewFilter
  by: Decider
}

/**
 * Merges every selected document into its gold layer. A document whose gold changed while it was
 * being merged (someone saved meanwhile) is merged again from the new gold, once; a damaged gold
 * file is skipped and reported.
 */
export async function mergeProject(
  store: ProjectStore,
  goldStore: GoldStore,
  options: ProjectMergeOptions,
  onDocument?: (done: number) => void
): Promise<MergeReport> {
  const report: MergeReport = { documents: 0, accepted: 0, left: 0, acceptedRelations: 0, perDocument: [], skipped: [] }
  for await (const candidate of reviewCandidates(store, goldStore, options.filter)) {
    const title = await store.documentTitle(candidate.documentId)
    if ('problem' in candidate.gold) {
      report.skipped.push({ documentId: candidate.documentId, title, reason: candidate.gold.problem })
      continue
    }
    let current = candidate.gold
    let result = mergeDocument(candidate.layers, current.gold, options)
    for (let attempt = 0; result.accepted.length + result.acceptedRelations.length > 0; attempt++) {
      try {
        await goldStore.save(candidate.documentId, current.version, result.gold)
        break
      } catch (error) {
        if (!(error instanceof StoreError && error.code === 'conflict') || attempt > 0) throw error
        current = goldStore.read(candidate.documentId)
        result = mergeDocument(candidate.layers, current.gold, options)
      }
    }
    report.documents++
    report.accepted += result.accepted.length
    report.acceptedRelations += result.acceptedRelations.length
    report.left += result.left.length
    report.perDocument.push({
      documentId: candidate.documentId,
      title,
      accepted: result.accepted.length,
      acceptedRelations: result.acceptedRelations.length,
      left: result.left.length,
      acceptedLabels: countBy(result.accepted.map((span) => span.label)),
      leftStates: countBy(result.left.map((unit) => unit.state))
    })
    onDocument?.(report.documents)
  }
  return report
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

/** One annotator's spans against gold, per document with a gold layer and a layer of theirs. */
export async function feedbackReport(store: ProjectStore, goldStore: GoldStore, annotator: string, documentId?: string): Promise<FeedbackReport> {
  const mine = (await layersOnDisk(store, [annotator])).get(annotator)!
  const ids = documentId ? [documentId] : goldStore.documentIds().sort()
  const documents: FeedbackDocument[] = []
  const skipped: FeedbackReport['skipped'] = []
  for (const id of ids) {
    if (!mine.has(id)) continue
    const read = readGold(goldStore, id)
    if ('problem' in read) {
      skipped.push({ documentId: id, title: await store.documentTitle(id), reason: read.problem })
      continue
    }
    if (read.version === GOLD_ABSENT_VERSION) continue
    const { items, ...counts } = feedbackFor(await store.getLayer(id, annotator), read.gold)
    documents.push({ documentId: id, title: await store.documentTitle(id), reviewStatus: read.gold.status, ...counts, ...(documentId ? { items } : {}) })
  }
  return { annotator, documents, totals: totalFeedback(documents), skipped }
}
