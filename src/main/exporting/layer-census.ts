// Which annotator layers hold spans, so that an export of an empty layer is never silent: after
// importing Prodigy data under its sessions' names, exporting "your" layer writes 0 spans, and
// the user is told which layers have them (on stderr, and in the Export dialog).
import type { LayerSpans } from '../../shared/api/contract'
import type { DocumentStatus } from '../../shared/model'
import { DamagedFileError } from '../store/errors'
import type { ProjectStore } from '../store/project-store'
import type { ExportSelection } from './export-records'

/** Spans of each named layer over the documents an export would take (statuses apply per layer, as in exportRecords). */
export async function layerCensus(store: ProjectStore, annotators: string[], statuses?: DocumentStatus[]): Promise<LayerSpans[]> {
  const census = annotators.map((annotator) => ({ annotator, spans: 0, documents: 0 }))
  for (const id of await store.documentIds()) {
    for (const entry of census) {
      // a damaged layer is left out of exports (and named there): it holds no spans to offer
      const layer = await store.getLayer(id, entry.annotator).catch((error: unknown) => {
        if (error instanceof DamagedFileError) return null
        throw error
      })
      if (!layer || layer.spans.length === 0 || (statuses && !statuses.includes(layer.status))) continue
      entry.spans += layer.spans.length
      entry.documents++
    }
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
