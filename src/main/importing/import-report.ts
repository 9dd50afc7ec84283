// An import's report from what it parsed and wrote: a line per document (new, or already in the
// project), and what each annotator layer received: spans written and the documents they went
// to, and documents left as they were because the layer already had spans there (spans never
// overwrite a layer's work), counted alike for new documents and ones already present.
import type { ImportReport, LayerImport } from '../../shared/api/contract'
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

interface Written {
  parsed: ParsedDocument[]
  /** Document id of each parsed document, and the spans it wrote into its layer. */
  ids: string[]
  written: number[]
  /** Documents this import added, and the stored titles of all. */
  addedIds: ReadonlySet<string>
  titles: ReadonlyMap<string, string>
  /** The layer of documents whose file names none. */
  fallback: string
}

/**
 * One entry per document: the layers of several annotators (a Prodigy record, a Label Studio
 * annotation, a brat folder each) add up their spans; the same text again in the same layer is
 * listed again, as a duplicate. A document already present names its spans only when some were
 * written into its layers.
 */
export function documentEntries({ parsed, ids, written, addedIds, titles, fallback }: Written): Pick<ImportReport, 'added' | 'duplicates'> {
  const added: ImportReport['added'] = []
  const duplicates: ImportReport['added'] = []
  const entries = new Map<string, { spans: number }>()
  const layersSeen = new Set<string>()
  const reported = new Set<string>()
  parsed.forEach((doc, index) => {
    const id = ids[index]!
    const layer = `${doc.annotator ?? fallback}/${id}`
    const repeated = layersSeen.has(layer)
    layersSeen.add(layer)
    const known = entries.get(id)
    if (known && !repeated) {
      known.spans += written[index] ?? 0
      return
    }
    const entry = { id, title: titles.get(id) ?? doc.title, file: doc.file, spans: written[index] ?? 0 }
    if (addedIds.has(id) && !reported.has(id)) {
      reported.add(id)
      added.push(entry)
    } else duplicates.push(entry)
    entries.set(id, entry)
  })
  return { added, duplicates: duplicates.map(({ spans, ...duplicate }) => (spans ? { ...duplicate, spans } : duplicate)) }
}
