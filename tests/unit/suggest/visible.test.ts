// Which suggestions the editor shows against the live spans: never a rejected one, none under a
// span of its label or with a span's exact bounds, the longer of two overlapping of one label.
import { describe, expect, it } from 'vitest'
import { suggestionKey, visibleSuggestions, type Suggestion } from '../../../src/shared/suggest/types'

const s = (start: number, end: number, label: string, source: Suggestion['source'] = 'own'): Suggestion => ({ start, end, label, source })

describe('visibleSuggestions', () => {
  it('hides rejected suggestions and those a span covers', () => {
    const suggestions = [s(0, 5, 'actor'), s(10, 15, 'actor'), s(20, 25, 'actor'), s(30, 35, 'figure')]
    const spans = [{ start: 12, end: 18, label: 'actor' }, { start: 30, end: 35, label: 'claim' }]
    expect(visibleSuggestions(suggestions, spans, new Set([suggestionKey(s(20, 25, 'actor'))]))).toEqual([s(0, 5, 'actor')])
  })

  it('keeps a suggestion beside a span of another label, overlapping it', () => {
    expect(visibleSuggestions([s(0, 10, 'figure')], [{ start: 5, end: 20, label: 'claim' }], new Set())).toEqual([s(0, 10, 'figure')])
  })

  it('keeps the longer of two overlapping suggestions of one label, whatever their sources', () => {
    const found = visibleSuggestions([s(9, 18, 'actor', 'model'), s(0, 18, 'actor', 'dictionary'), s(30, 40, 'figure', 'patterns'), s(30, 33, 'figure', 'model')], [], new Set())
    expect(found).toEqual([s(0, 18, 'actor', 'dictionary'), s(30, 40, 'figure', 'patterns')])
  })

  it('on equal suggestions keeps one, the first source in order', () => {
    expect(visibleSuggestions([s(0, 5, 'actor', 'model'), s(0, 5, 'actor', 'own')], [], new Set())).toEqual([s(0, 5, 'actor', 'own')])
  })
})
