// Occurrence matching at the tokenizer's word boundaries, in Latin, emoji, CJK and right-to-left
// text, and the case rule (docs/suggestions.md).
import { describe, expect, it } from 'vitest'
import { PhraseMatcher } from '../../../src/shared/suggest/phrases'

function found(phrases: [string, string][], text: string): string[] {
  const matcher = new PhraseMatcher()
  for (const [phrase, label] of phrases) matcher.add(phrase, label)
  return matcher.match(text).map((m) => `${text.slice(m.start, m.end)}:${m.label}`)
}

describe('PhraseMatcher', () => {
  it('finds whole words only, never inside a longer word', () => {
    expect(found([['Netanyahu', 'actor']], 'Netanyahu met Netanyahus, anti-Netanyahu and Netanyahu’s aides (Netanyahu).')).toEqual([
      'Netanyahu:actor',
      'Netanyahu:actor',
      'Netanyahu:actor',
      'Netanyahu:actor'
    ])
    expect(found([['IDF', 'actor']], 'IDFs IDF. xIDF')).toEqual(['IDF:actor'])
  })

  it('finds a name beside emoji, and an emoji sequence as one token', () => {
    expect(found([['Hamas', 'actor']], '😀Hamas👍🏽 and 👩‍👩‍👧Hamas')).toEqual(['Hamas:actor', 'Hamas:actor'])
    // the family emoji is one token: its woman alone is not found inside it
    expect(found([['👩', 'actor']], 'a 👩‍👩‍👧 and a 👩 alone')).toEqual(['👩:actor'])
  })

  it('finds CJK names wherever their characters stand (CJK tokens are single characters)', () => {
    expect(found([['北京', 'actor']], '我在北京工作，北京很大。南京')).toEqual(['北京:actor', '北京:actor'])
    expect(found([['東京', 'actor']], '東京都と東京タワー')).toEqual(['東京:actor', '東京:actor'])
  })

  it('finds right-to-left words as whole words (a prefixed word is another word)', () => {
    expect(found([['حماس', 'actor']], 'قالت حماس إن وحماس ليست حماس.')).toEqual(['حماس:actor', 'حماس:actor'])
    expect(found([['נתניהו', 'actor']], 'ראש הממשלה נתניהו אמר. ולנתניהו')).toEqual(['נתניהו:actor'])
  })

  it('matches phrases of several tokens across any white space, but not across a missing space', () => {
    expect(found([['Benjamin Netanyahu', 'actor']], 'Benjamin  Netanyahu and Benjamin\nNetanyahu, not BenjaminNetanyahu')).toEqual([
      'Benjamin  Netanyahu:actor',
      'Benjamin\nNetanyahu:actor'
    ])
    expect(found([['U.S.', 'actor']], 'the U.S. and U. S. and U.S')).toEqual(['U.S.:actor'])
  })

  it('prefers the longest phrase, and never overlaps two matches', () => {
    expect(found([['Netanyahu', 'actor'], ['Benjamin Netanyahu', 'actor'], ['Gaza', 'actor'], ['Gaza City', 'actor']], 'Benjamin Netanyahu visited Gaza City, not Gaza.')).toEqual([
      'Benjamin Netanyahu:actor',
      'Gaza City:actor',
      'Gaza:actor'
    ])
  })

  it('case: an entry with a capital matches that case only; an all-lower-case entry matches any case', () => {
    expect(found([['Hamas', 'actor']], 'Hamas hamas HAMAS')).toEqual(['Hamas:actor'])
    expect(found([['ceasefire', 'claim']], 'Ceasefire talks: the ceasefire, a CEASEFIRE')).toEqual(['Ceasefire:claim', 'ceasefire:claim', 'CEASEFIRE:claim'])
  })

  it('keeps the first label given for a phrase', () => {
    expect(found([['Gaza', 'actor'], ['Gaza', 'figure']], 'in Gaza')).toEqual(['Gaza:actor'])
  })
})
