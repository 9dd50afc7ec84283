// What an import wrote into each annotator layer, for its report: spans written and documents
// they went to, and documents left as they were because the layer already had spans there
// (spans never overwrite a layer's work), counted alike for new documents and ones already present.
import type { LayerImport } from '../../shared/api/contract'
import type { ParsedDocument } from '../formats/types'

/** `written[i]` is how many spans parsed[i] put in its layer (the layer: its own or `fallback`). */
export function tallyLayers(parsed: ParsedDocument[], written: number[], fallback: string): LayerImport[] {
  const layers = new Map<string, LayerImport>()
  parsed.forEach((doc, index) => {
    const annotator = doc.annotator ?? fallback
    const layer = layers.get(annotator) ?? { annotator, spans: 0, documents: 0, kept: 0 }
    layers.set(annotator, layer)
    const spans = written[index] ?? 0
    layer.spans += spans
    if (spans > 0) layer.documents++
    else if (doc.spans.length > 0) layer.kept++
  })
  return [...layers.values()].sort((a, b) => a.annotator.localeCompare(b.annotator))
}
