// Token patterns and regular expressions, matched at token boundaries only.
import { describe, expect, it } from 'vitest'
import { compilePattern, matchPatterns } from '../../../src/shared/suggest/patterns'
import type { SuggestPattern } from '../../../src/shared/suggest/types'

function found(patterns: SuggestPattern[], text: string): string[] {
  const { matches, errors } = matchPatterns(text, patterns)
  expect(errors).toEqual([])
  return matches.map((m) => text.slice(m.start, m.end))
}

describe('token patterns', () => {
  it('match numbers with units, digits and number words', () => {
    const figures: SuggestPattern = { label: 'figure', kind: 'tokens', pattern: '{number}+ hostages|Palestinians|people' }
    expect(found([figures], 'Hamas holds 48 hostages; 41,200 Palestinians died; one million people fled; 3 cats.')).toEqual([
      '48 hostages',
      '41,200 Palestinians',
      'one million people'
    ])
  })

  it('has optional elements and capitalised-word slots', () => {
    const title: SuggestPattern = { label: 'actor', kind: 'tokens', pattern: 'President|Minister {Cap} {Cap}?' }
    expect(found([title], 'President Biden and Minister Yoav Gallant, president biden')).toEqual(['President Biden', 'Minister Yoav Gallant'])
  })

  it('say what is wrong with a bad pattern', () => {
    expect(() => compilePattern({ label: 'figure', kind: 'tokens', pattern: '{numbr} people' })).toThrow(/unknown slot \{numbr\}/)
    expect(() => compilePattern({ label: 'figure', kind: 'regex', pattern: '(\\d+' })).toThrow(/Unterminated group/)
    const { errors } = matchPatterns('x', [{ label: 'figure', kind: 'regex', pattern: '[' }])
    expect(errors[0]?.pattern).toBe(0)
  })
})

describe('regular expressions', () => {
  it('count only at token boundaries', () => {
    const regex: SuggestPattern = { label: 'figure', kind: 'regex', pattern: '\\d+ hostages' }
    // "8 hostages" inside "148 hostages" starts inside a token: not a match of its own
    expect(found([regex], '148 hostages and 5 hostages')).toEqual(['148 hostages', '5 hostages'])
    // "7%" inside "17%" likewise
    expect(found([{ label: 'figure', kind: 'regex', pattern: '\\d%' }], '17% and 7%')).toEqual(['7%'])
  })

  it('work beside emoji and in right-to-left text', () => {
    expect(found([{ label: 'figure', kind: 'regex', pattern: '\\d+ ש"ח' }], '🎉 100 ש"ח ו-2000 ש"ח')).toEqual(['100 ש"ח', '2000 ש"ח'])
  })
})
