// What the document list shows of one annotator's layer: one function, used by the listing, by
// the folder watcher's notices, by the page after a save (and by any cache of listings), so they agree.
import type { AnnotationLayer, DocumentSummary } from './model'
import { hasTags } from './tags'

export type LayerSummary = Pick<DocumentSummary, 'status' | 'spanCount' | 'labels' | 'tags'>

export function summaryFromLayer(layer: AnnotationLayer): LayerSummary {
  return {
    status: layer.status,
    spanCount: layer.spans.length,
    labels: [...new Set(layer.spans.map((span) => span.label))].sort(),
    ...(hasTags(layer.tags) ? { tags: layer.tags } : {})
  }
}
