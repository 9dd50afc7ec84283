// The gold layer as export records, one per document that has been adjudicated (has a gold file),
// so every export format writes gold the way it writes an annotator's layer. Spanwise JSONL also
// carries each span's and relation's provenance, the review status and the rejected units.
import { compareSpans, type DocumentStatus } from '../../shared/model'
import { OffsetMap } from '../../shared/offsets'
import type { ReviewStatus } from '../../shared/review'
import type { ExportSelection } from '../exporting/export-records'
import { exportSpan } from '../exporting/export-records'
import type { ExportRecord } from '../formats/types'
import type { ProjectStore } from '../store/project-store'
import { GoldStore } from './gold-store'

/** The name gold records carry where a format has room for an annotator. */
export const GOLD_LAYER_NAME = 'gold'

/** A review status in the annotators' terms, for formats and `--status` filters. */
export function documentStatusOf(status: ReviewStatus): DocumentStatus {
  return status === 'not_started' ? 'todo' : status
}

export async function* goldExportRecords(
  store: ProjectStore,
  selection: ExportSelection,
  onProgress?: (done: number, total: number) => void
): AsyncGenerator<ExportRecord> {
  const goldStore = new GoldStore(store)
  const ids = goldStore.documentIds().sort()
  for (const [index, id] of ids.entries()) {
    // a gold file whose document has gone (removed by a teammate) is not exported
    if (!(await store.hasDocument(id))) continue
    const { gold } = goldStore.read(id)
    const status = documentStatusOf(gold.status)
    if (selection.statuses && !selection.statuses.includes(status)) continue
    const document = await store.getDocument(id)
    const offsets = new OffsetMap(document.text)
    yield {
      id: document.id,
      title: document.title,
      text: document.text,
      meta: document.meta,
      annotator: GOLD_LAYER_NAME,
      status,
      spans: [...gold.spans].sort(compareSpans).map((span) => ({ ...exportSpan(span, offsets), provenance: span.provenance })),
      relations: gold.relations.map(({ id: relationId, type, from, to, provenance }) => ({ id: relationId, type, from, to, provenance })),
      gold: { reviewStatus: gold.status, rejected: gold.rejected }
    }
    onProgress?.(index + 1, ids.length)
  }
}
