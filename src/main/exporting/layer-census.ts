// Which annotator layers hold spans, so that an export of an empty layer is never silent: after
// importing Prodigy data under its sessions' names, exporting "your" layer writes 0 spans, and
// the user is told which layers have them (on stderr, and in the Export dialog).
import type { LayerSpans } from '../../shared/api/contract'
import type { DocumentStatus } from '../../shared/model'
import type { ProjectStore } from '../store/project-store'
import type { ExportSelection } from './export-records'

/**
 * Spans of each named layer over the documents an export would take (statuses apply per layer,
 * as in exportRecords), from the listing index: no layer file is read that it already knows.
 */
export async function layerCensus(store: ProjectStore, annotators: string[], statuses?: DocumentStatus[]): Promise<LayerSpans[]> {
  const census: LayerSpans[] = []
  for (const annotator of annotators) {
    const entry = { annotator, spans: 0, documents: 0 }
    for (const row of await store.summaries(annotator)) {
      // a damaged file is left out of exports (and named there): it holds no spans to offer
      if (row.error || row.spanCount === 0 || (statuses && !statuses.includes(row.status))) continue
      entry.spans += row.spanCount
      entry.documents++
    }
    census.push(entry)
  }
  return census
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * When the one layer an export selects has no spans (in the selected documents) but other layers
 * do: a sentence naming them, with their spans and documents; else null.
 */
export async function emptyLayerNotice(store: ProjectStore, selection: ExportSelection): Promise<{ message: string; layers: LayerSpans[] } | null> {
  const chosen = selection.annotator
  if (typeof chosen !== 'string') return null
  const [own] = await layerCensus(store, [chosen], selection.statuses)
  if (own!.spans > 0) return null
  const others = await layerCensus(store, (await store.annotators()).filter((name) => name !== chosen), selection.statuses)
  const layers = others.filter((layer) => layer.spans > 0)
  if (layers.length === 0) return null
  const where = selection.statuses ? ` in documents marked ${selection.statuses.join(' or ')}` : ''
  const list = layers.map((layer) => `${layer.annotator} (${plural(layer.spans, 'span')} in ${plural(layer.documents, 'document')})`).join(', ')
  return { message: `the layer "${chosen}" has no spans${where}; layers with spans: ${list}`, layers }
}
