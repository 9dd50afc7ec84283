// Walks a project one document at a time and yields what exporters write, so memory stays flat
// however large the project grows.
import { compareSpans, type DocumentStatus } from '../../shared/model'
import { OffsetMap } from '../../shared/offsets'
import type { ExportRecord } from '../formats/types'
import type { ProjectStore } from '../store/project-store'

export interface ExportSelection {
  /** One annotator's layer, or every annotator's (one record per document and annotator). */
  annotator: string | { all: true }
  /** Only documents with one of these statuses; all documents when absent. */
  statuses?: DocumentStatus[]
}


export async function* exportRecords(
  store: ProjectStore,
  selection: ExportSelection,
  onProgress?: (done: number, total: number) => void
): AsyncGenerator<ExportRecord> {
  const ids = await store.documentIds()
  const annotators = typeof selection.annotator === 'string' ? [selection.annotator] : await store.annotators()
  for (const [index, id] of ids.entries()) {
    const document = await store.getDocument(id)
    const layers = await Promise.all(annotators.map((annotator) => store.getLayer(id, annotator)))
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
        spans: [...layer.spans]
          .sort(compareSpans)
          .map((span) => ({ ...span, text: offsets.sliceCodePoints(span.start, span.end) })),
        // a relation always links two spans of its layer (saveLayer checks): keep them as stored
        relations: layer.relations.map(({ id, type, from, to }) => ({ id, type, from, to }))
      }
    }
    onProgress?.(index + 1, ids.length)
  }
}
