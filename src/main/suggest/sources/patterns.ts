// Patterns: the project's per-label token patterns and regular expressions (suggest/settings.json),
// matched at token boundaries (src/shared/suggest/patterns.ts). A pattern that does not compile
// suggests nothing (the pattern editor says why).
import { OffsetMap } from '../../../shared/offsets'
import { matchPatterns } from '../../../shared/suggest/patterns'
import type { SuggestionSource } from './source'

export const patternSource: SuggestionSource = {
  id: 'patterns',
  async prepare({ settings, labels }) {
    const patterns = settings.patterns.filter((pattern) => labels.includes(pattern.label))
    return async (document) => {
      if (patterns.length === 0) return []
      const offsets = new OffsetMap(document.text)
      return matchPatterns(document.text, patterns).matches.map((m) => ({
        start: offsets.toCodePoint(m.start),
        end: offsets.toCodePoint(m.end),
        label: m.label,
        source: 'patterns' as const
      }))
    }
  }
}
