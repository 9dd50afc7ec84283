// Dictionaries: every entry of a label's list (suggest/dictionaries/<label>.txt) found as whole
// tokens, by the case rule of PhraseMatcher.
import { OffsetMap } from '../../../shared/offsets'
import { dictionaryMatcher } from '../dictionaries'
import type { SuggestionSource } from './source'

export const dictionarySource: SuggestionSource = {
  id: 'dictionary',
  async prepare({ store, labels }) {
    const matcher = dictionaryMatcher(store.folder, labels)
    return async (document) => {
      if (matcher.size === 0) return []
      const offsets = new OffsetMap(document.text)
      return matcher.match(document.text).map((m) => ({ start: offsets.toCodePoint(m.start), end: offsets.toCodePoint(m.end), label: m.label, source: 'dictionary' as const }))
    }
  }
}
