// The gold layer as export records, one per document that has been adjudicated (has a gold file),
// so every export format writes gold the way it writes an annotator's layer. Spanwise JSONL also
// carries each span's and relation's provenance, the review status and the rejected units.
import { compareSpans, type DocumentStatus } from '../../shared/model'
import { OffsetMap } from '../../shared/offsets'
import type { ReviewStatus } from '../../shared/review'
import { damaged, exportSpan, type DamagedDocument, type ExportSelection } from '../exporting/export-records'
import type { ExportRecord } from '../formats/types'
import type { ProjectStore } from '../store/project-store'
import { GoldStore } from './gold-store'

/** The name gold records carry where a format has room for an annotator. */
export const GOLD_LAYER_NAME = 'gold'

/** A review status in the annotators' terms, for formats and `--status` filters. */
export function documentStatusOf(status: ReviewStatus): DocumentStatus {
  return status === 'not_started' ? 'todo' : status
}

/** A document's gold layer and the document, or null when the document has gone. */
async function readForGoldExport(store: ProjectStore, goldStore: GoldStore, id: string) {
  // a gold file whose document has gone (removed by a teammate) is not exported
  if (!(await store.hasDocument(id))) return null
  return { gold: goldStore.read(id).gold, document: await store.getDocument(id) }
}

/** Documents a gold export would leave out because their gold file or document file is damaged. */
export async function findDamagedGold(store: ProjectStore): Promise<DamagedDocument[]> {
  const goldStore = new GoldStore(store)
  const found: DamagedDocument[] = []
  for (const id of goldStore.documentIds().sort()) {
    await readForGoldExport(store, goldStore, id).catch((error: unknown) => found.push(damaged(store, id, error)))
  }
  return found
}

/** Like exportRecords: a damaged gold or document file costs only its document (added to `leftOut`). */
export async function* goldExportRecords(
  store: ProjectStore,
  selection: ExportSelection,
  onProgress?: (done: number, total: number) => void,
  leftOut: DamagedDocument[] = []
): AsyncGenerator<ExportRecord> {
  const goldStore = new GoldStore(store)
  const ids = goldStore.documentIds().sort()
  for (const [index, id] of ids.entries()) {
    let read: Awaited<ReturnType<typeof readForGoldExport>>
    try {
      read = await readForGoldExport(store, goldStore, id)
    } catch (error) {
      leftOut.push(damaged(store, id, error))
      continue
    }
    if (!read) continue
    const { gold, document } = read
    const status = documentStatusOf(gold.status)
    if (selection.statuses && !selection.statuses.includes(status)) continue
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
      ...(gold.tags && Object.keys(gold.tags).length > 0 ? { tags: gold.tags } : {}),
      gold: { reviewStatus: gold.status, rejected: gold.rejected }
    }
    onProgress?.(index + 1, ids.length)
  }
}
