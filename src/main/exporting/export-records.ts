// Walks a project one document at a time and yields what exporters write, so memory stays flat
// however large the project grows.
import path from 'node:path'
import { compareSpans, type DocumentStatus, type Span } from '../../shared/model'
import { OffsetMap } from '../../shared/offsets'
import { hasTags } from '../../shared/tags'
import type { ExportRecord, ExportSpan } from '../formats/types'
import { DamagedFileError } from '../store/errors'
import type { ProjectStore } from '../store/project-store'
import { documentDrift, layerDrift } from '../store/text-drift'
import { findDamagedGold, goldExportRecords } from '../review/gold-export'

export interface ExportSelection {
  /** One annotator's layer, or every annotator's (one record per document and annotator). */
  annotator: string | { all: true }
  /** Only documents with one of these statuses; all documents when absent. */
  statuses?: DocumentStatus[]
  /** 'gold': the adjudicated gold layer instead of annotators' layers (`annotator` is then unused). */
  layer?: 'gold'
}

/** A document an export left out because its file, or a selected layer of it, is damaged. */
export interface DamagedDocument {
  id: string
  file: string
  message: string
}

async function readForExport(store: ProjectStore, id: string, annotators: string[]) {
  const document = await store.getDocument(id)
  const layers = await Promise.all(annotators.map((annotator) => store.getLayer(id, annotator)))
  // offsets laid on a text that changed under them would slice the wrong words: such a document
  // is left out like a damaged one, and named
  const textChanged = documentDrift(document)
  for (const layer of layers) {
    const drift = layer.spans.length > 0 ? (textChanged ?? layerDrift(document, layer)) : null
    if (drift) throw new DamagedFileError(path.join(store.folder, drift.file), drift.problem)
  }
  return { document, layers }
}

export function damaged(store: ProjectStore, id: string, error: unknown): DamagedDocument {
  // anything but a damaged file (a disk error, a bug) still ends the export
  if (!(error instanceof DamagedFileError)) throw error
  return { id, file: path.relative(store.folder, error.file), message: error.message }
}

async function selectedAnnotators(store: ProjectStore, selection: ExportSelection): Promise<string[]> {
  return typeof selection.annotator === 'string' ? [selection.annotator] : store.annotators()
}

/** The documents an export of `selection` would leave out as damaged, found before it starts. */
export async function findDamaged(store: ProjectStore, selection: ExportSelection): Promise<DamagedDocument[]> {
  if (selection.layer === 'gold') return findDamagedGold(store)
  const annotators = await selectedAnnotators(store, selection)
  const found: DamagedDocument[] = []
  for (const id of await store.documentIds()) {
    await readForExport(store, id, annotators).catch((error: unknown) => found.push(damaged(store, id, error)))
  }
  return found
}

/** A stored span as writers receive it: its known fields, plus its text (made once, here). */
export function exportSpan(span: Span, offsets: OffsetMap): ExportSpan {
  // built field by field, not spread: this runs for every span of a project
  const out: ExportSpan = { id: span.id, start: span.start, end: span.end, label: span.label, text: offsets.sliceCodePoints(span.start, span.end) }
  if (span.attributes !== undefined) out.attributes = span.attributes
  if (span.note !== undefined) out.note = span.note
  return out
}

/**
 * One damaged document (its file, or a selected layer) costs only itself: it is left out and
 * added to `leftOut`, for the caller to report; the export goes on with the rest.
 */
export async function* exportRecords(
  store: ProjectStore,
  selection: ExportSelection,
  onProgress?: (done: number, total: number) => void,
  leftOut: DamagedDocument[] = []
): AsyncGenerator<ExportRecord> {
  if (selection.layer === 'gold') {
    yield* goldExportRecords(store, selection, onProgress, leftOut)
    return
  }
  const ids = await store.documentIds()
  const annotators = await selectedAnnotators(store, selection)
  for (const [index, id] of ids.entries()) {
    let read: Awaited<ReturnType<typeof readForExport>>
    try {
      read = await readForExport(store, id, annotators)
    } catch (error) {
      leftOut.push(damaged(store, id, error))
      onProgress?.(index + 1, ids.length)
      continue
    }
    const { document, layers } = read
    const offsets = new OffsetMap(document.text)
    for (const [a, annotator] of annotators.entries()) {
      const layer = layers[a]!
      if (selection.statuses && !selection.statuses.includes(layer.status)) continue
      // with every annotator selected, documents an annotator never touched are left out
      if (typeof selection.annotator !== 'string' && layer.updatedAt === null) continue
      yield {
        id: document.id,
        title: document.title,
        text: document.text,
        meta: document.meta,
        annotator,
        status: layer.status,
        spans: [...layer.spans].sort(compareSpans).map((span) => exportSpan(span, offsets)),
        // a relation always links two spans of its layer (saveLayer checks): keep them as stored
        relations: layer.relations.map(({ id, type, from, to }) => ({ id, type, from, to })),
        ...(hasTags(layer.tags) ? { tags: layer.tags } : {})
      }
    }
    onProgress?.(index + 1, ids.length)
  }
}
