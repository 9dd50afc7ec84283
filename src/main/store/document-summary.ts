// What the document list shows of one annotator's layer: one function, used by the listing and by
// the folder watcher's notices (and by any cache of listings), so they always agree.
import type { AnnotationLayer, DocumentSummary } from '../../shared/model'
import { hasTags } from '../../shared/tags'

export type LayerSummary = Pick<DocumentSummary, 'status' | 'spanCount' | 'labels' | 'tags'>

export function summaryFromLayer(layer: AnnotationLayer): LayerSummary {
  return {
    status: layer.status,
    spanCount: layer.spans.length,
    labels: [...new Set(layer.spans.map((span) => span.label))].sort(),
    ...(hasTags(layer.tags) ? { tags: layer.tags } : {})
  }
}
