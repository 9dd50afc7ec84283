// The analyst's own labels: every text this annotator has labelled anywhere in the project is
// proposed, with its label, wherever else it occurs as whole tokens (PhraseMatcher's case rule).
// A text labelled with two labels is proposed with the one used more often (the first in the
// label set on a tie). Texts with no letter ("48", "%") are left out: a bare number labelled once
// is not a name that comes back. The lexicon is rebuilt from the layers that changed since the
// last request (one folder listing and a stat per layer), so the open editor's latest save counts.
import { readdirSync, statSync } from 'node:fs'
import { OffsetMap } from '../../../shared/offsets'
import { PhraseMatcher } from '../../../shared/suggest/phrases'
import { idFromFileName, annotationsDir, layerFile } from '../../store/layout'
import { DamagedFileError } from '../../store/errors'
import type { ProjectStore } from '../../store/project-store'
import type { SuggestionSource } from './source'

/** Longer labelled texts (claims) are sentences, not names that recur. */
const MAX_ENTRY_LENGTH = 80
const HAS_LETTER = /\p{L}/u

interface LayerEntries {
  stamp: string
  entries: { text: string; label: string }[]
}

/** Per project folder and annotator: what each of their layers contributes. */
const lexicons = new Map<string, Map<string, LayerEntries>>()

/** The labelled texts of one layer. */
async function entriesOf(store: ProjectStore, annotator: string, documentId: string): Promise<{ text: string; label: string }[]> {
  try {
    const layer = await store.getLayer(documentId, annotator)
    if (layer.spans.length === 0) return []
    const offsets = new OffsetMap((await store.getDocument(documentId)).text)
    return layer.spans.flatMap((span) => {
      const text = offsets.sliceCodePoints(span.start, span.end).trim()
      return text.length <= MAX_ENTRY_LENGTH && HAS_LETTER.test(text) ? [{ text, label: span.label }] : []
    })
  } catch (error) {
    // a damaged layer or a document gone costs only its own entries
    if (error instanceof DamagedFileError || (error as { code?: string }).code === 'not_found') return []
    throw error
  }
}

/** The annotator's labelled texts over the whole project, each with its most used label. */
export async function ownLexicon(store: ProjectStore, annotator: string, labels: string[]): Promise<Map<string, string>> {
  const key = `${store.folder}\u0000${annotator}`
  const known = lexicons.get(key) ?? new Map<string, LayerEntries>()
  lexicons.set(key, known)
  let names: string[] = []
  try {
    names = readdirSync(annotationsDir(store.folder, annotator))
  } catch {
    // no layer yet
  }
  const present = new Set<string>()
  for (const name of names) {
    const documentId = idFromFileName(name)
    if (!documentId) continue
    present.add(documentId)
    const info = statSync(layerFile(store.folder, annotator, documentId), { throwIfNoEntry: false })
    const stamp = `${info?.mtimeMs}:${info?.size}:${store.settings.labelRevision ?? 0}`
    if (known.get(documentId)?.stamp !== stamp) known.set(documentId, { stamp, entries: await entriesOf(store, annotator, documentId) })
  }
  for (const documentId of known.keys()) if (!present.has(documentId)) known.delete(documentId)
  const counts = new Map<string, Map<string, number>>()
  for (const { entries } of known.values()) {
    for (const { text, label } of entries) {
      if (!labels.includes(label)) continue
      const byLabel = counts.get(text) ?? new Map<string, number>()
      byLabel.set(label, (byLabel.get(label) ?? 0) + 1)
      counts.set(text, byLabel)
    }
  }
  const lexicon = new Map<string, string>()
  for (const [text, byLabel] of counts) {
    const best = [...byLabel].sort((a, b) => b[1] - a[1] || labels.indexOf(a[0]) - labels.indexOf(b[0]))[0]!
    lexicon.set(text, best[0])
  }
  return lexicon
}

export const ownLabelSource: SuggestionSource = {
  id: 'own',
  async prepare({ store, annotator, labels }) {
    const matcher = new PhraseMatcher()
    for (const [text, label] of await ownLexicon(store, annotator, labels)) matcher.add(text, label)
    return async (document) => {
      if (matcher.size === 0) return []
      const offsets = new OffsetMap(document.text)
      return matcher.match(document.text).map((m) => ({ start: offsets.toCodePoint(m.start), end: offsets.toCodePoint(m.end), label: m.label, source: 'own' as const }))
    }
  }
}
