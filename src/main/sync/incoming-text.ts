// After a pull: texts that changed under their layers, and layers written against another text,
// are named in the sync report (see store/text-drift.ts), never silently mis-sliced.
import type { ProjectStore } from '../store/project-store'
import { describeDrift, documentDrift, layerDrift } from '../store/text-drift'

/**
 * Documents whose text came in changed under their layers, and layers that came in written
 * against another text than their document's: both would be mis-sliced.
 */
export async function checkIncomingText(store: ProjectStore, incomingPaths: string[]): Promise<string[]> {
  const layersIn = new Map<string, Set<string>>()
  const documentsIn = new Set<string>()
  for (const file of incomingPaths) {
    const match = /^(?:documents|annotations\/([^/]+))\/([0-9a-f]{8,64})\.json$/.exec(file)
    if (!match) continue
    const [, annotator, id] = match as unknown as [string, string | undefined, string]
    if (annotator === undefined) documentsIn.add(id)
    else layersIn.set(id, (layersIn.get(id) ?? new Set()).add(annotator))
  }
  const everyone = documentsIn.size > 0 ? await store.annotators() : []
  const problems: string[] = []
  for (const id of new Set([...documentsIn, ...layersIn.keys()])) {
    const document = await store.getDocument(id).catch(() => null)
    // a document that is gone (or damaged) is reported by the document list, not here
    if (!document) continue
    const changed = documentDrift(document)
    if (changed) {
      problems.push(describeDrift(changed))
      continue
    }
    // a document that came in is checked against every layer; otherwise only the layers that came in
    for (const annotator of documentsIn.has(id) ? everyone : [...layersIn.get(id)!]) {
      const layer = await store.getLayer(id, annotator).catch(() => null)
      const drift = layer && layerDrift(document, layer)
      if (drift) problems.push(describeDrift(drift))
    }
  }
  return problems
}
